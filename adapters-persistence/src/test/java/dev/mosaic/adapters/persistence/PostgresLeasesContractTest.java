package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.LeasesContract;
import dev.mosaic.application.port.out.Leases;
import org.junit.jupiter.api.AfterEach;

class PostgresLeasesContractTest extends LeasesContract {
    PersistenceAdapter adapter;

    @Override
    protected Leases leases() {
        adapter = PostgresStores.start();
        return adapter.leases();
    }

    @AfterEach
    void close() {
        adapter.close();
    }
}
