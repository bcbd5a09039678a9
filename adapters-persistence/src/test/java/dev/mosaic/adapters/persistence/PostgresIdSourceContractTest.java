package dev.mosaic.adapters.persistence;

class PostgresIdSourceContractTest extends SequenceIdsChecks {

    @Override
    PersistenceAdapter start() {
        return PostgresStores.start();
    }
}
