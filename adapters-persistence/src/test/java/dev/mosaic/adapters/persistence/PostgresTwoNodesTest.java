package dev.mosaic.adapters.persistence;

class PostgresTwoNodesTest extends TwoNodesChecks {

    @Override
    protected PersistenceSettings newDatabase(int maxPoolSize) {
        return PostgresStores.freshDatabase(maxPoolSize);
    }
}
