package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.IdSourceContract;
import dev.mosaic.application.port.out.IdSource;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class H2IdSourceContractTest extends IdSourceContract {
    @TempDir
    Path folder;
    PersistenceAdapter adapter;

    @Override
    protected IdSource ids() {
        adapter = H2Stores.startIn(folder);
        return adapter.ids();
    }

    @AfterEach
    void close() {
        adapter.close();
    }
}
