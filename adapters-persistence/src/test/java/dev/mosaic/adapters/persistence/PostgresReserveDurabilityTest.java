package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.domain.Stage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A new album's reservation in autocommit lets its commit return before the WAL flush ({@code nextval} may take a
 * transaction id), and only its own: the session's {@code synchronous_commit}, and a caller's transaction it joins,
 * keep theirs. The module's server runs with it off; these sessions turn it on, as production runs.
 */
class PostgresReserveDurabilityTest {
    private PersistenceSettings database;
    private PersistenceAdapter adapter;

    @BeforeEach
    void start() {
        PersistenceSettings fresh = PostgresStores.freshDatabase(1);
        // one connection: what the reservation leaves behind is what the next statement on it finds
        database = new PersistenceSettings(fresh.jdbcUrl() + "?options=-c%20synchronous_commit=on", fresh.user(),
                fresh.password(), 1);
        adapter = PersistenceAdapter.start(database);
    }

    @AfterEach
    void stop() {
        adapter.close();
    }

    /** 17 is past the shapes built once: its text is built on the fly. */
    @ParameterizedTest(name = "{0} assets")
    @ValueSource(ints = {0, 1, 16, 17})
    void theReservationsCommitDoesNotWaitForTheFlushAndTheSessionKeepsItsSetting(int assets) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             PreparedStatement reserve = connection.prepareStatement(JdbiNewAlbums.reserveSql(assets, true))) {
            assertThat(connection.getAutoCommit()).isTrue();
            AlbumStatements.bindUsage(reserve, SENDER.value(), Stage.UPLOADING.name(), T0);
            if (assets > JdbiNewAlbums.CACHED_ASSETS) {
                reserve.setInt(5, assets);
            }
            try (ResultSet row = reserve.executeQuery()) {
                row.next();
                assertThat(SequenceIds.albumIds(row, 6, assets).assets()).hasSize(assets);
                assertThat(row.getString(8)).as("synchronous_commit while the reservation ran").isEqualTo("off");
            }
            assertThat(show(connection)).as("the session's own, after it").isEqualTo("on");
        }
    }

    @Test
    void theAdaptersReservationLeavesItsConnectionsSettingAsItWas() {
        JdbiTransactions transactions = (JdbiTransactions) adapter.transactions();
        assertThat(transactions.withHandle(PostgresReserveDurabilityTest::setting)).isEqualTo("on");

        for (int assets : new int[] {3, 17}) {
            assertThat(adapter.newAlbums().reserve(SENDER, T0, assets).ids().assets()).hasSize(assets);

            assertThat(transactions.withHandle(PostgresReserveDurabilityTest::setting)).as("after %d assets", assets)
                    .isEqualTo("on");
        }
    }

    @Test
    void aReservationInsideATransactionLeavesThatTransactionDurable() {
        JdbiTransactions transactions = (JdbiTransactions) adapter.transactions();

        String during = transactions.inTransaction(() -> {
            adapter.newAlbums().reserve(SENDER, T0, 3);
            return transactions.withHandle(PostgresReserveDurabilityTest::setting);
        });

        assertThat(during).isEqualTo("on");
    }

    private static String setting(Handle handle) {
        return handle.createQuery("SHOW synchronous_commit").mapTo(String.class).one();
    }

    private static String show(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW synchronous_commit")) {
            row.next();
            return row.getString(1);
        }
    }
}
