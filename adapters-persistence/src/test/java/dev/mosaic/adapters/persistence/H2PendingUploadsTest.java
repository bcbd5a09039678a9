package dev.mosaic.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2PendingUploadsTest extends PendingUploadsChecks {
    @TempDir
    Path folder;

    @Override
    protected PersistenceSettings emptyDatabase() {
        return PersistenceSettings.h2File(folder);
    }

    @Override
    protected Dialect dialect() {
        return Dialect.H2;
    }
}
