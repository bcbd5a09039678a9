package dev.mosaic.adapters.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param jdbcUrl     {@code jdbc:h2:…} or {@code jdbc:postgresql:…}
 * @param maxPoolSize the most connections held open at once
 */
public record PersistenceSettings(String jdbcUrl, String user, String password, int maxPoolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;

    public PersistenceSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("the database URL is empty");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection: " + maxPoolSize);
        }
    }

    /** The embedded default: an H2 file database {@code mosaic} in this folder. */
    public static PersistenceSettings h2File(Path folder) {
        Path file = folder.toAbsolutePath().resolve("mosaic");
        // the adapter closes the database itself; H2's own shutdown hook would race it
        return new PersistenceSettings("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "",
                DEFAULT_POOL_SIZE);
    }

    @Override
    public String toString() {
        return "PersistenceSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
