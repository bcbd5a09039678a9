package dev.mosaic.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The driver settings each database's pool gets. */
class PoolConfigTest {

    @Test
    void postgresqlRewritesBatchedInsertsIntoOneStatement() {
        var config = PersistenceAdapter.poolConfig(
                new PersistenceSettings("jdbc:postgresql://db/mosaic", "mosaic", "secret", 12), Dialect.POSTGRESQL);

        assertThat(config.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
        assertThat(config.getMaximumPoolSize()).isEqualTo(12);
    }

    @Test
    void h2GetsNoPostgresqlDriverProperty() {
        var config = PersistenceAdapter.poolConfig(
                new PersistenceSettings("jdbc:h2:mem:pool", "sa", "", 3), Dialect.H2);

        assertThat(config.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
        assertThat(config.getMaximumPoolSize()).isEqualTo(3);
    }
}
