package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.STRANGER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.contract.Ports;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UploadQuota;
import dev.mosaic.domain.UploadUsage;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The kept pending uploads ({@code pending_uploads}, migration 10): filled from the assets, repaired by a recount. */
abstract class PendingUploadsChecks {
    private static final Instant WINDOW_START = T0.minus(UploadQuota.WINDOW);

    /** A new database with no schema at all. */
    protected abstract PersistenceSettings emptyDatabase();

    protected abstract Dialect dialect();

    @Test
    void migrationTenKeepsTheUploadsPendingBeforeIt() {
        PersistenceSettings settings = emptyDatabase();
        PersistenceAdapter.migrations(Flyway.configure(), dialect())
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password()).target("9").load().migrate();
        Jdbi jdbi = Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
        insert(jdbi, message(100).with(asset(500), asset(501).direct(7_000), asset(502).at(Stage.PROCESSING, 0),
                asset(503).at(Stage.EXPIRED, 0)).build());
        insert(jdbi, message(101).between(RECEIVER, SENDER).with(asset(510).direct(99)).build());
        insert(jdbi, message(102).with(asset(520).multipart()).build());

        try (PersistenceAdapter adapter = PersistenceAdapter.start(settings)) {
            assertThat(adapter.messages().keptUsage(SENDER, WINDOW_START))
                    .isEqualTo(kept(adapter.messages().usage(SENDER, WINDOW_START)))
                    .extracting(UploadUsage::pendingUploads, UploadUsage::pendingBytes)
                    .containsExactly(3, 8_000L + 12 * 1024 * 1024);
            assertThat(adapter.messages().keptUsage(RECEIVER, WINDOW_START).pendingBytes()).isEqualTo(99);
            assertThat(adapter.messages().keptUsage(STRANGER, WINDOW_START)).isEqualTo(UploadUsage.none());
            int rows = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM pending_uploads")
                    .mapTo(Integer.class).one());
            assertThat(rows).as("a row per user with an upload pending").isEqualTo(2);
        }
    }

    @Test
    void keptTotalsThatDriftedHighAreRepairedByARecount() {
        PersistenceSettings settings = emptyDatabase();
        try (PersistenceAdapter adapter = PersistenceAdapter.start(settings)) {
            adapter.messages().add(message(100).with(asset(500), asset(501).direct(7_000)).build());
            Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password()).useHandle(handle -> handle.execute(
                    "UPDATE pending_uploads SET uploads = 100, bytes = 50000 WHERE owner_id = ?", SENDER.value()));
            assertThat(adapter.messages().keptUsage(SENDER, WINDOW_START).pendingUploads()).isEqualTo(100);

            UploadUsage recounted = adapter.transactions().inTransaction(
                    () -> adapter.messages().recountedUsage(SENDER, WINDOW_START));

            assertThat(recounted).isEqualTo(adapter.messages().usage(SENDER, WINDOW_START));
            assertThat(recounted.pendingUploads()).isEqualTo(2);
            assertThat(adapter.messages().keptUsage(SENDER, WINDOW_START)).isEqualTo(kept(recounted));
        }
    }

    /**
     * Overwrites the user's kept totals (creating the row), as drift or a row of the code before the totals stopped
     * at zero leaves them; for the contract tests.
     */
    static void keepTotals(Ports ports, UserId user, long uploads, long bytes) {
        ((JdbiTransactions) ports.transactions()).withHandle(handle -> {
            handle.execute("DELETE FROM pending_uploads WHERE owner_id = ?", user.value());
            return handle.execute("INSERT INTO pending_uploads (owner_id, uploads, bytes) VALUES (?, ?, ?)",
                    user.value(), uploads, bytes);
        });
    }

    private static UploadUsage kept(UploadUsage counted) {
        return new UploadUsage(counted.pendingUploads(), counted.pendingBytes(), Optional.empty(),
                counted.albumsInWindow(), counted.oldestAlbumInWindow());
    }

    /** As the code of migration 9 stored an album, with no pending row. */
    private static void insert(Jdbi jdbi, Message album) {
        List<AssetRow> assets = IntStream.range(0, album.assets().size())
                .mapToObj(order -> AssetMapping.toRow(album.assets().get(order), order)).toList();
        jdbi.useHandle(handle -> AlbumStatements.insert(handle, AssetMapping.toRow(album), assets));
    }
}
