package dev.mosaic.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Mosaic reads from its environment ({@code MOSAIC_*} variables), with the embedded
 * defaults: port 8080, data in {@code ./data}, local disk storage, an H2 file database.
 */
public record Config(
        int port,
        Path dataDir,
        URI publicUrl,
        Optional<String> jwtSecret,
        Optional<URI> jwksUrl,
        Storage storage,
        String dbUrl,
        String dbUser,
        String dbPassword,
        List<String> corsOrigins,
        int workers,
        Duration uploadExpiry,
        long maxPixels,
        Role role,
        Duration jobLease,
        Duration janitorEvery,
        LimitsConfig limits,
        Map<String, String> environment) {

    public enum Storage { LOCAL, S3, GCS }

    /** What a node does: {@code api} serves HTTP and sockets, {@code worker} runs jobs, {@code all} both. */
    public enum Role {
        ALL, API, WORKER;

        public boolean servesHttp() {
            return this != WORKER;
        }

        public boolean runsJobs() {
            return this != API;
        }
    }

    /** Whether this is a PostgreSQL deployment, where events cross nodes by LISTEN/NOTIFY. */
    public boolean isPostgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        int requestedPort = integer(env, "MOSAIC_PORT", 8080, 0, 65535);
        int port = requestedPort == 0 ? freePort() : requestedPort;
        Path dataDir = Path.of(env.getOrDefault("MOSAIC_DATA_DIR", "./data")).toAbsolutePath().normalize();
        URI publicUrl = uri(env, "MOSAIC_PUBLIC_URL").orElse(URI.create("http://localhost:" + port));
        String defaultDb = "jdbc:h2:file:" + dataDir.resolve("mosaic") + ";DB_CLOSE_ON_EXIT=FALSE";
        return new Config(
                port,
                dataDir,
                stripTrailingSlash(publicUrl),
                nonBlank(env, "MOSAIC_JWT_SECRET"),
                uri(env, "MOSAIC_JWKS_URL"),
                storage(env.getOrDefault("MOSAIC_STORAGE", "local")),
                nonBlank(env, "MOSAIC_DB_URL").orElse(defaultDb),
                env.getOrDefault("MOSAIC_DB_USER", "sa"),
                env.getOrDefault("MOSAIC_DB_PASSWORD", ""),
                Arrays.stream(env.getOrDefault("MOSAIC_CORS_ORIGINS", "*").split(","))
                        .map(String::trim).filter(origin -> !origin.isEmpty()).toList(),
                integer(env, "MOSAIC_WORKERS", 2, 1, 64),
                duration(env, "MOSAIC_UPLOAD_EXPIRY", Duration.ofHours(24)),
                integer(env, "MOSAIC_MAX_PIXELS", 50_000_000, 1, Integer.MAX_VALUE),
                role(env.getOrDefault("MOSAIC_ROLE", "all")),
                duration(env, "MOSAIC_JOB_LEASE", Duration.ofMinutes(1)),
                duration(env, "MOSAIC_JANITOR_EVERY", Duration.ofMinutes(1)),
                LimitsConfig.from(env),
                mosaicVariables(env));
    }

    /** The {@code MOSAIC_*} variables, for the settings of one adapter (storage, say). */
    private static Map<String, String> mosaicVariables(Map<String, String> env) {
        Map<String, String> ours = new java.util.TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("MOSAIC_") && value != null) {
                ours.put(name, value);
            }
        });
        return Map.copyOf(ours);
    }

    /** Port 0 means any free port; it is chosen here, as signed URLs must name it before the server starts. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ConfigException("no free port to listen on: " + e.getMessage());
        }
    }

    /** Never prints secrets: those are in the JWT secret and the environment. */
    @Override
    public String toString() {
        return "Config[port=" + port + ", dataDir=" + dataDir + ", publicUrl=" + publicUrl + ", storage=" + storage
                + ", role=" + role + ", workers=" + workers + "]";
    }

    private static Role role(String value) {
        try {
            return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ConfigException("MOSAIC_ROLE must be all, api or worker (was '" + value + "')");
        }
    }

    private static Storage storage(String value) {
        try {
            return Storage.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ConfigException("MOSAIC_STORAGE must be local, s3 or gcs (was '" + value + "')");
        }
    }

    static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + " (was " + value + ")");
            }
            return parsed;
        } catch (NumberFormatException notANumber) {
            throw new ConfigException(name + " must be a whole number (was '" + value + "')");
        }
    }

    static Duration duration(Map<String, String> env, String name, Duration fallback) {
        return nonBlank(env, name).map(value -> {
            try {
                Duration parsed = Duration.parse(value.trim());
                if (parsed.isNegative() || parsed.isZero()) {
                    throw new ConfigException(name + " must be positive (was " + value + ")");
                }
                return parsed;
            } catch (DateTimeParseException notADuration) {
                throw new ConfigException(name + " must be an ISO-8601 duration like PT24H (was '" + value + "')");
            }
        }).orElse(fallback);
    }

    private static Optional<URI> uri(Map<String, String> env, String name) {
        return nonBlank(env, name).map(value -> {
            try {
                URI parsed = URI.create(value.trim());
                if (parsed.getScheme() == null || parsed.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
                return parsed;
            } catch (IllegalArgumentException bad) {
                throw new ConfigException(name + " must be an absolute URL like http://host:8080 (was '" + value + "')");
            }
        });
    }

    private static URI stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
