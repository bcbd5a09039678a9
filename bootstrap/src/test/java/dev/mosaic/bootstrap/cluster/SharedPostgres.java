package dev.mosaic.bootstrap.cluster;

import dev.mosaic.adapters.persistence.PersistenceAdapter;
import dev.mosaic.adapters.persistence.PersistenceSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the cluster tests of this JVM (it takes seconds to start), and a fresh
 * database for each test, copied from a template Flyway migrated once. Every node of a test, in this
 * JVM or in another, reaches it by the URL of {@link Database#environment()}.
 */
final class SharedPostgres {
    private static final String TEMPLATE = "cluster_template";
    private static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private SharedPostgres() {
    }

    /** A new database holding the migrated, empty schema. */
    static Database freshDatabase() {
        String name = "cluster_" + DATABASES.incrementAndGet();
        execute(Server.POSTGRES, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return new Database(url(Server.POSTGRES, name));
    }

    private static String url(EmbeddedPostgres postgres, String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private static void execute(EmbeddedPostgres postgres, String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql + " failed", failure);
        }
    }

    /** One test's database, with the plain JDBC reads the tests check the nodes' work by. */
    record Database(String url) {

        /** The {@code MOSAIC_DB_*} variables of a node on this database. */
        Map<String, String> environment() {
            return Map.of("MOSAIC_DB_URL", url, "MOSAIC_DB_USER", USER, "MOSAIC_DB_PASSWORD", USER);
        }

        /** The {@code locked_by} of each job of this asset, finished jobs being deleted. */
        List<Optional<String>> jobsOf(long assetId) {
            return query("SELECT locked_by FROM jobs WHERE asset_id = " + assetId + " ORDER BY id",
                    row -> Optional.ofNullable(row.getString(1)));
        }

        /** Until when the janitor lease is held, in epoch milliseconds; 0 before any node took it. */
        long janitorHeldUntilMillis() {
            return query("SELECT held_until FROM leases WHERE name = 'janitor'",
                    row -> row.getTimestamp(1).getTime()).stream().findFirst().orElse(0L);
        }

        private <T> List<T> query(String sql, Row<T> mapper) {
            try (Connection connection = DriverManager.getConnection(url, USER, USER);
                 PreparedStatement statement = connection.prepareStatement(sql);
                 ResultSet rows = statement.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(mapper.map(rows));
                }
                return found;
            } catch (SQLException failure) {
                throw new IllegalStateException(sql + " failed", failure);
            }
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Started on first use, by the JVM's class initialisation, so exactly once; gone when the JVM exits. */
    private static final class Server {
        static final EmbeddedPostgres POSTGRES = startWithTemplate();

        private static EmbeddedPostgres startWithTemplate() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        // throwaway data: durability only costs time
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                execute(postgres, "CREATE DATABASE " + TEMPLATE);
                PersistenceAdapter.start(new PersistenceSettings(url(postgres, TEMPLATE), USER, USER, 1)).close();
                return postgres;
            } catch (IOException failure) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", failure);
            }
        }
    }
}
