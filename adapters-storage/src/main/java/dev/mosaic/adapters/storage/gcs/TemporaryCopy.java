package dev.mosaic.adapters.storage.gcs;

import dev.mosaic.application.port.out.ObjectStorage.LocalCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A downloaded object in a temporary file, deleted on close. */
record TemporaryCopy(Path path) implements LocalCopy {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the temporary copy " + path, e);
        }
    }
}
