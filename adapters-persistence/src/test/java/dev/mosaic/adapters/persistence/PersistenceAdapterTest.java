package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static dev.mosaic.application.fake.Fixtures.moved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.Stage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceAdapterTest {
    @TempDir
    Path folder;

    @Test
    void idsAreNewEveryTimeAndIncrease() {
        try (PersistenceAdapter db = H2Stores.startIn(folder)) {
            Set<Long> assets = new HashSet<>();
            long previous = 0;
            for (int i = 0; i < 50; i++) {
                long next = db.ids().nextAssetId().value();
                assertThat(next).isGreaterThan(previous);
                assets.add(next);
                previous = next;
            }
            assertThat(assets).hasSize(50);
            assertThat(db.ids().nextMessageId().value()).isLessThan(db.ids().nextMessageId().value());
        }
    }

    @Test
    void healthyWhileOpenAndNotOnceClosed() {
        PersistenceAdapter db = H2Stores.startIn(folder);
        assertThat(db.isHealthy()).isTrue();

        db.close();

        assertThat(db.isHealthy()).isFalse();
    }

    @Test
    void anUnsupportedDatabaseIsRefusedByName() {
        PersistenceSettings mysql = new PersistenceSettings("jdbc:mysql://localhost/mosaic", "u", "p", 2);

        assertThatThrownBy(() -> PersistenceAdapter.start(mysql))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported database");
    }

    @Test
    void settingsRefuseAnEmptyUrlAndAnEmptyPool() {
        assertThatThrownBy(() -> new PersistenceSettings(" ", "sa", "", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersistenceSettings("jdbc:h2:mem:x", "sa", "", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PersistenceSettings("jdbc:h2:mem:x", "sa", "secret", 2).toString()).doesNotContain("secret");
    }

    @Test
    void enumsAreStoredByNameNeverByOrdinal() throws SQLException {
        PersistenceSettings settings = PersistenceSettings.h2File(folder);
        try (PersistenceAdapter db = PersistenceAdapter.start(settings)) {
            Message album = message(100).with(asset(500).video().multipart()).build();
            db.messages().add(album);
            Asset uploading = album.assets().get(0);
            db.messages().update(moved(uploading.complete(T0.plusSeconds(1))));
            db.jobQueue().enqueue(new JobQueue.Job(JobQueue.Kind.PROCESS_ASSET, AssetId.of(500)), T0);

            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                    settings.password());
                 Statement statement = connection.createStatement()) {
                assertThat(row(statement, "SELECT kind, stage, upload_mode FROM assets"))
                        .isEqualTo("VIDEO|PROCESSING|MULTIPART");
                assertThat(row(statement, "SELECT kind, state FROM jobs")).isEqualTo("PROCESS_ASSET|PENDING");
            }
        }
    }

    @Test
    void anIdempotencyKeyLongerThanItsColumnIsRefusedBeforeTheDatabase() {
        try (PersistenceAdapter db = H2Stores.startIn(folder)) {
            assertThatThrownBy(() -> db.idempotencyKeys().reserve(SENDER,
                    "k".repeat(256), "sha256:aa", T0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String row(Statement statement, String query) throws SQLException {
        try (ResultSet results = statement.executeQuery(query)) {
            assertThat(results.next()).isTrue();
            StringBuilder row = new StringBuilder(results.getString(1));
            for (int column = 2; column <= results.getMetaData().getColumnCount(); column++) {
                row.append('|').append(results.getString(column));
            }
            return row.toString();
        }
    }
}
