package dev.mosaic.bootstrap;

import dev.mosaic.adapters.storage.gcs.FakeGcsServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A bucket on the GCS test double for a whole-system test: every V4 signature checked as GCS does, and the
 * settings that point a node at it (its service-account key written under {@code keys}).
 */
final class GcsBucket implements AutoCloseable {
    private final FakeGcsServer gcs;
    private final Path keyFile;

    private GcsBucket(String name, Path keys) {
        gcs = FakeGcsServer.start(name);
        keyFile = gcs.writeKeyFile(keys);
    }

    /** A fresh bucket called {@code name}, served until {@link #close()}. */
    static GcsBucket start(String name, Path keys) {
        return new GcsBucket(name, keys);
    }

    /** What a node needs to store here: {@code MOSAIC_STORAGE=gcs}, the bucket, its endpoint and the key. */
    Map<String, String> environment() {
        return Map.of(
                "MOSAIC_STORAGE", "gcs",
                "MOSAIC_GCS_BUCKET", gcs.bucket(),
                "MOSAIC_GCS_CREDENTIALS", keyFile.toString(),
                "MOSAIC_GCS_ENDPOINT", gcs.endpoint().toString());
    }

    /** How many objects the bucket holds under {@code prefix}. */
    long objectsUnder(String prefix) {
        return gcs.objectsUnder(prefix);
    }

    @Override
    public void close() {
        gcs.close();
    }
}
