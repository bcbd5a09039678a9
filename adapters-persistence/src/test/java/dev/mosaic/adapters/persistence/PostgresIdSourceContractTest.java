package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.IdSourceContract;
import dev.mosaic.application.port.out.IdSource;
import org.junit.jupiter.api.AfterEach;

class PostgresIdSourceContractTest extends IdSourceContract {
    PersistenceAdapter adapter;

    @Override
    protected IdSource ids() {
        adapter = PostgresStores.start();
        return adapter.ids();
    }

    @AfterEach
    void close() {
        adapter.close();
    }
}
