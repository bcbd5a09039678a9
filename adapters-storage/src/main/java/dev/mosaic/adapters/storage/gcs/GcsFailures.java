package dev.mosaic.adapters.storage.gcs;

import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    static UncheckedIOException failed(String what, StorageException cause) {
        return new UncheckedIOException(new IOException(
                "GCS " + what + " failed (" + cause.getCode() + "): " + cause.getMessage(), cause));
    }

    static boolean isNotFound(StorageException e) {
        return e.getCode() == 404;
    }
}
