package dev.mosaic.adapters.persistence;

import dev.mosaic.application.contract.Ports;
import java.nio.file.Path;

/** A fresh H2 file database per test, in the test's own folder. */
final class H2Stores {

    private H2Stores() {
    }

    static PersistenceAdapter startIn(Path folder) {
        return PersistenceAdapter.start(PersistenceSettings.h2File(folder));
    }

    /** The database in this folder; several adapters (nodes) may open it at once. */
    static PersistenceSettings settingsIn(Path folder, int maxPoolSize) {
        PersistenceSettings file = PersistenceSettings.h2File(folder);
        return new PersistenceSettings(file.jdbcUrl(), file.user(), file.password(), maxPoolSize);
    }

    static Ports portsIn(Path folder) {
        PersistenceAdapter adapter = startIn(folder);
        return new Ports(adapter.messages(), adapter.eventLog(), adapter.jobQueue(), adapter.idempotencyKeys(),
                adapter.transactions(), adapter.newAlbums(), adapter::close);
    }
}
