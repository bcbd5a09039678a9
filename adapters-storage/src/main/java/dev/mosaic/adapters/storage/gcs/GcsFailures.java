package dev.mosaic.adapters.storage.gcs;

import com.google.cloud.storage.StorageException;
import dev.mosaic.application.port.out.Unavailable;
import java.util.function.Supplier;

/** How GCS's answers become the port's: a missing object is an outcome, the rest a store failure. */
final class GcsFailures {

    private GcsFailures() {
    }

    /** Runs one client call; a failure of the store becomes the port's, naming what was attempted. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (StorageException e) {
            throw failed(what, e);
        }
    }

    /** GCS unreachable, refusing Mosaic's credentials or answering its own failure: an outage. */
    static Unavailable failed(String what, StorageException cause) {
        return new Unavailable(Unavailable.Part.STORAGE,
                "GCS " + what + " failed (" + cause.getCode() + "): " + cause.getMessage(), cause);
    }

    static boolean isNotFound(StorageException e) {
        return e.getCode() == 404;
    }
}
