package dev.mosaic.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2IdSourceContractTest extends SequenceIdsChecks {
    @TempDir
    Path folder;

    @Override
    PersistenceAdapter start() {
        return H2Stores.startIn(folder);
    }
}
