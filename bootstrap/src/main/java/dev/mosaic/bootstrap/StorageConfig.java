package dev.mosaic.bootstrap;

import dev.mosaic.adapters.storage.gcs.GcsSettings;
import dev.mosaic.adapters.storage.s3.S3Settings;
import java.nio.file.Path;

/** Where the bytes live ({@code MOSAIC_STORAGE}), with that store's own settings. */
public sealed interface StorageConfig {

    enum Kind { LOCAL, S3, GCS }

    /** On disk under the data folder; Mosaic signs and serves the URLs itself. */
    record Local() implements StorageConfig {
    }

    record S3(S3Settings settings) implements StorageConfig {
    }

    record Gcs(GcsSettings settings) implements StorageConfig {
    }

    static StorageConfig read(Env env) {
        try {
            return switch (env.choice("MOSAIC_STORAGE", Kind.class, Kind.LOCAL)) {
                case LOCAL -> new Local();
                case S3 -> new S3(new S3Settings(
                        bucket(env, "MOSAIC_S3_BUCKET", "s3"),
                        env.text("MOSAIC_S3_REGION", "us-east-1"),
                        env.url("MOSAIC_S3_ENDPOINT"),
                        env.flag("MOSAIC_S3_PATH_STYLE").orElse(false),
                        env.text("MOSAIC_S3_ACCESS_KEY"),
                        env.text("MOSAIC_S3_SECRET_KEY")));
                case GCS -> new Gcs(new GcsSettings(
                        bucket(env, "MOSAIC_GCS_BUCKET", "gcs"),
                        env.text("MOSAIC_GCS_CREDENTIALS").map(Path::of),
                        env.url("MOSAIC_GCS_ENDPOINT")));
            };
        } catch (IllegalArgumentException wrongSetting) {
            throw new ConfigException(wrongSetting.getMessage());
        }
    }

    private static String bucket(Env env, String name, String storage) {
        return env.text(name).orElseThrow(() ->
                new ConfigException("MOSAIC_STORAGE=" + storage + " needs " + name + " (the bucket's name)"));
    }
}
