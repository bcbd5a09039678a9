package dev.mosaic.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2RestartTest extends RestartChecks {
    @TempDir
    Path folder;

    @Override
    protected PersistenceSettings newDatabase(int maxPoolSize) {
        return H2Stores.settingsIn(folder, maxPoolSize);
    }
}
