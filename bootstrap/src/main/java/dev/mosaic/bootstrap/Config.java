package dev.mosaic.bootstrap;

import dev.mosaic.adapters.persistence.PersistenceSettings;
import dev.mosaic.application.service.MosaicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything Mosaic reads from its environment, parsed once into one typed record per concern, with the
 * embedded defaults: port 8080, data in {@code ./data}, local disk storage, an H2 file database. Nothing
 * else reads the environment; a wrong value stops start-up with one {@link ConfigException} line.
 *
 * @param dataDir     database, stored files and generated secrets ({@code MOSAIC_DATA_DIR})
 * @param application the use cases' tunables ({@code MOSAIC_UPLOAD_EXPIRY}, {@code MOSAIC_JOB_LEASE},
 *                    {@code MOSAIC_DOWNLOAD_URL_TTL})
 * @param limits      what one client may take: slow bodies, rate limits, socket caps, quotas
 */
public record Config(
        Path dataDir,
        HttpConfig http,
        TokenConfig tokens,
        PersistenceSettings database,
        StorageConfig storage,
        NodeConfig node,
        MosaicSettings application,
        MediaConfig media,
        LimitsConfig limits) {

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> variables) {
        Env env = new Env(variables);
        Path dataDir = Path.of(env.text("MOSAIC_DATA_DIR", "./data")).toAbsolutePath().normalize();
        TokenConfig tokens = TokenConfig.read(env);
        LimitsConfig limits = LimitsConfig.read(env);
        return new Config(
                dataDir,
                HttpConfig.read(env, tokens),
                tokens,
                database(env, dataDir),
                StorageConfig.read(env),
                NodeConfig.read(env),
                MosaicSettings.defaults()
                        .withUploadDeadline(env.duration("MOSAIC_UPLOAD_EXPIRY", Duration.ofHours(24)))
                        .withUploadUrlTtl(env.duration("MOSAIC_UPLOAD_URL_TTL", Duration.ofHours(1)))
                        .withJobLease(env.duration("MOSAIC_JOB_LEASE", Duration.ofMinutes(1)))
                        .withDownloadUrlTtl(env.duration("MOSAIC_DOWNLOAD_URL_TTL", Duration.ofHours(12)))
                        .withQuota(limits.quota()),
                MediaConfig.read(env),
                limits);
    }

    /** Whether this is a PostgreSQL deployment, where events cross nodes by LISTEN/NOTIFY. */
    public boolean isPostgres() {
        return database.jdbcUrl().startsWith("jdbc:postgresql:");
    }

    private static PersistenceSettings database(Env env, Path dataDir) {
        String url = env.text("MOSAIC_DB_URL").orElseGet(() -> PersistenceSettings.h2File(dataDir).jdbcUrl());
        return new PersistenceSettings(url, env.raw("MOSAIC_DB_USER", "sa"), env.raw("MOSAIC_DB_PASSWORD", ""),
                env.integer("MOSAIC_DB_POOL_SIZE", PersistenceSettings.DEFAULT_POOL_SIZE, 1, 1000));
    }
}
