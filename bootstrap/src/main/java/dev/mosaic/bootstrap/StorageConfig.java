package dev.mosaic.bootstrap;

import dev.mosaic.adapters.storage.gcs.GcsSettings;
import dev.mosaic.adapters.storage.gcs.GcsStorage;
import dev.mosaic.adapters.storage.local.LocalDiskStorage;
import dev.mosaic.adapters.storage.local.LocalStorageSettings;
import dev.mosaic.adapters.storage.s3.S3Settings;
import dev.mosaic.adapters.storage.s3.S3Storage;
import dev.mosaic.application.port.in.SignedUrlEndpoint;
import dev.mosaic.application.port.out.ObjectStorage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds the object store {@code MOSAIC_STORAGE} names, from its own {@code MOSAIC_*} settings. */
final class StorageConfig {

    /** The store, and the endpoint serving its signed URLs when it has no server of its own. */
    record Store(ObjectStorage storage, Optional<SignedUrlEndpoint> endpoint, AutoCloseable closer) {
    }

    private StorageConfig() {
    }

    static Store open(Config config, Clock clock) {
        Map<String, String> env = config.environment();
        try {
            return switch (config.storage()) {
                case LOCAL -> {
                    LocalDiskStorage local = new LocalDiskStorage(new LocalStorageSettings(
                            config.dataDir().resolve("objects"), config.publicUrl(),
                            Secrets.loadOrCreate(config.dataDir(), "storage-signing-key")), clock);
                    yield new Store(local, Optional.of(local), () -> { });
                }
                case S3 -> {
                    S3Storage s3 = new S3Storage(new S3Settings(
                            require(env, "MOSAIC_S3_BUCKET", "s3"),
                            env.getOrDefault("MOSAIC_S3_REGION", "us-east-1"),
                            optional(env, "MOSAIC_S3_ENDPOINT").map(URI::create),
                            Boolean.parseBoolean(env.getOrDefault("MOSAIC_S3_PATH_STYLE", "false")
                                    .trim().toLowerCase(Locale.ROOT)),
                            optional(env, "MOSAIC_S3_ACCESS_KEY"),
                            optional(env, "MOSAIC_S3_SECRET_KEY")), clock);
                    yield new Store(s3, Optional.empty(), s3);
                }
                case GCS -> {
                    GcsStorage gcs = new GcsStorage(new GcsSettings(
                            require(env, "MOSAIC_GCS_BUCKET", "gcs"),
                            optional(env, "MOSAIC_GCS_CREDENTIALS").map(Path::of)), clock);
                    yield new Store(gcs, Optional.empty(), gcs);
                }
            };
        } catch (IllegalArgumentException wrongSetting) {
            throw new ConfigException(wrongSetting.getMessage());
        }
    }

    private static String require(Map<String, String> env, String name, String storage) {
        return optional(env, name).orElseThrow(() ->
                new ConfigException("MOSAIC_STORAGE=" + storage + " needs " + name + " (the bucket's name)"));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
