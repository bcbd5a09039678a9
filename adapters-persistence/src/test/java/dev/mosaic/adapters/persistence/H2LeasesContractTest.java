package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.LeasesContract;
import dev.mosaic.application.port.out.Leases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2LeasesContractTest extends LeasesContract {
    @TempDir
    Path folder;
    PersistenceAdapter adapter;

    @Override
    protected Leases leases() {
        adapter = H2Stores.startIn(folder);
        return adapter.leases();
    }

    @AfterEach
    void close() {
        adapter.close();
    }
}
