package dev.mosaic.adapters.persistence;

class PostgresTransactionsTest extends TransactionChecks {

    @Override
    protected PersistenceSettings newDatabase(int maxPoolSize) {
        return PostgresStores.freshDatabase(maxPoolSize);
    }
}
