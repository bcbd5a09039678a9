package dev.mosaic.adapters.persistence;

class PostgresRestartTest extends RestartChecks {

    @Override
    protected PersistenceSettings newDatabase(int maxPoolSize) {
        return PostgresStores.freshDatabase(maxPoolSize);
    }
}
