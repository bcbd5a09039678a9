package dev.mosaic.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    void aNodeStartingOnAnUpToDateDatabaseMigratesNothing() throws SQLException {
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
            assertThat(history.getInt(1)).isEqualTo(1);
            assertThat(history.getString(2)).isEqualTo("1");
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
