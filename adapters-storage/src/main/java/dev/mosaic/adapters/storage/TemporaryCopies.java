package dev.mosaic.adapters.storage;

import dev.mosaic.application.port.out.ObjectStorage.LocalCopy;
import dev.mosaic.domain.ObjectKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A remote object downloaded into a temporary file, for the stores that keep their bytes elsewhere. */
public final class TemporaryCopies {

    /** Fills {@code file} with the object's bytes. */
    @FunctionalInterface
    public interface Download {
        void into(Path file) throws IOException;
    }

    private TemporaryCopies() {
    }

    /**
     * A temporary file named {@code <prefix>…<extension of the key>} (media tools guess the container
     * from the extension), filled by {@code download}; the file is deleted again when the download fails.
     */
    public static LocalCopy of(ObjectKey key, String prefix, Download download) {
        Path file;
        try {
            file = Files.createTempFile(prefix, suffixOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a temporary file for " + key, e);
        }
        try {
            download.into(file);
            return LocalCopy.temporary(file);
        } catch (IOException e) {
            deleteQuietly(file, e);
            throw new UncheckedIOException("could not copy " + key + " to " + file, e);
        } catch (RuntimeException e) {
            deleteQuietly(file, e);
            throw e;
        }
    }

    static String suffixOf(ObjectKey key) {
        String name = key.value().substring(key.value().lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : ".bin";
    }

    private static void deleteQuietly(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
