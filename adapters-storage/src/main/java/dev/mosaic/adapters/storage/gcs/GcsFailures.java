package dev.mosaic.adapters.storage.gcs;

import com.google.cloud.storage.StorageException;
import dev.mosaic.adapters.storage.StoreFailures;

/** How GCS's answers become the port's: a missing object is an outcome, the rest a store failure. */
final class GcsFailures {

    /** Every client call that may fail goes through this: a failure becomes an outage naming the call. */
    static final StoreFailures<StorageException> OUTAGES = new StoreFailures<>(StorageException.class,
            (what, cause) -> "GCS " + what + " failed (" + cause.getCode() + "): " + cause.getMessage());

    private GcsFailures() {
    }

    static boolean isNotFound(StorageException e) {
        return e.getCode() == 404;
    }
}
