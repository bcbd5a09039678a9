package dev.mosaic.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PostgresAdapterTest {

    @Test
    void idsComeFromTheDatabaseSequencesAndGrowAcrossNodes() {
        PersistenceSettings database = PostgresStores.freshDatabase(2);
        try (PersistenceAdapter nodeA = PersistenceAdapter.start(database);
             PersistenceAdapter nodeB = PersistenceAdapter.start(database)) {
            long first = nodeA.ids().nextAssetId().value();
            long second = nodeB.ids().nextAssetId().value();
            long third = nodeA.ids().nextAssetId().value();

            assertThat(first).isLessThan(second);
            assertThat(second).isLessThan(third);
            assertThat(nodeB.ids().nextMessageId().value()).isLessThan(nodeA.ids().nextMessageId().value());
        }
    }

    @Test
    void aNodeStartingOnAnUpToDateDatabaseMigratesNothing() throws Exception {
        PersistenceSettings database = PostgresStores.freshDatabase(2);
        PersistenceAdapter.start(database).close();

        try (PersistenceAdapter again = PersistenceAdapter.start(database);
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                     database.password());
             Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery(
                     "SELECT count(*), min(version) FROM flyway_schema_history WHERE success")) {
            assertThat(again.isHealthy()).isTrue();
            assertThat(history.next()).isTrue();
            assertThat(history.getLong(1)).as("one row per migration, each applied once").isEqualTo(migrations());
            assertThat(history.getString(2)).isEqualTo("1");
        }
    }

    /** How many migrations Flyway finds: the files under {@code db/migration} and {@code db/postgresql}. */
    private static long migrations() throws Exception {
        long count = 0;
        for (String folder : new String[] {"/db/migration", "/db/postgresql"}) {
            try (Stream<Path> files = Files.list(Path.of(PostgresAdapterTest.class.getResource(folder).toURI()))) {
                count += files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            }
        }
        return count;
    }

    @Test
    void theStorageSweepsIndexHoldsOnlyTheAssetsWaitingForItAndAssetsKeepTheirForeignKey() throws Exception {
        PersistenceSettings database = PostgresStores.freshDatabase(1);
        PersistenceAdapter.start(database).close();

        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                     database.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet index = statement.executeQuery(
                    "SELECT indexdef FROM pg_indexes WHERE indexname = 'assets_unswept'")) {
                assertThat(index.next()).isTrue();
                assertThat(index.getString(1)).endsWith("(unswept_since) WHERE (unswept_since IS NOT NULL)");
            }
            try (ResultSet keys = statement.executeQuery("""
                    SELECT count(*) FROM pg_constraint
                    WHERE conrelid = 'assets'::regclass AND confrelid = 'messages'::regclass AND contype = 'f'""")) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getLong(1)).isEqualTo(1);
            }
            statement.execute("SET enable_seqscan = off");
            try (ResultSet plan = statement.executeQuery("EXPLAIN " + MessageDao.UNSWEPT_BETWEEN
                    .replace(":floor", "'1970-01-01T00:00:00Z'").replace(":before", "now()").replace(":limit", "100"))) {
                StringBuilder text = new StringBuilder();
                while (plan.next()) {
                    text.append(plan.getString(1)).append('\n');
                }
                assertThat(text).as("the sweep's query implies the partial index's predicate").contains("assets_unswept");
            }
        }
    }

    @Test
    void unhealthyOnceClosed() {
        PersistenceAdapter db = PersistenceAdapter.start(PostgresStores.freshDatabase(1));
        assertThat(db.isHealthy()).isTrue();

        db.close();

        assertThat(db.isHealthy()).isFalse();
    }
}
