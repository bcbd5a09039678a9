package dev.mosaic.adapters.persistence;

class PostgresPendingUploadsTest extends PendingUploadsChecks {

    @Override
    protected PersistenceSettings emptyDatabase() {
        return PostgresStores.emptyDatabase();
    }

    @Override
    protected Dialect dialect() {
        return Dialect.POSTGRESQL;
    }
}
