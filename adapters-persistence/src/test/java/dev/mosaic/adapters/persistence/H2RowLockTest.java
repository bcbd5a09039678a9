package dev.mosaic.adapters.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2RowLockTest extends RowLockChecks {
    @TempDir
    Path folder;

    @Override
    protected PersistenceSettings newDatabase(int maxPoolSize) {
        return H2Stores.settingsIn(folder, maxPoolSize);
    }

    /** H2 runs in this JVM: a statement waiting for a row lock parks its thread. */
    @Override
    protected boolean waitsForALock(Thread thread) {
        return thread.getState() != Thread.State.RUNNABLE;
    }
}
