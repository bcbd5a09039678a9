package dev.mosaic.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.contract.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for every test in this JVM (it takes seconds to start), and a fresh
 * database for each test, copied from a template that Flyway migrated once. The server and its
 * databases go away when the JVM exits.
 */
final class PostgresStores {
    private static final String TEMPLATE = "mosaic_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresStores() {
    }

    /** Settings of a new database holding the migrated, empty schema. */
    static PersistenceSettings freshDatabase(int maxPoolSize) {
        String name = "mosaic_" + DATABASES.incrementAndGet();
        execute(Server.POSTGRES, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return settings(name, maxPoolSize);
    }

    /** Settings of a new database with no schema at all, for a test that migrates it step by step. */
    static PersistenceSettings emptyDatabase() {
        String name = "mosaic_" + DATABASES.incrementAndGet();
        execute(Server.POSTGRES, "CREATE DATABASE " + name);
        return settings(name, 2);
    }

    static PersistenceAdapter start() {
        return PersistenceAdapter.start(freshDatabase(PersistenceSettings.DEFAULT_POOL_SIZE));
    }

    static Ports ports() {
        PersistenceAdapter adapter = start();
        return new Ports(adapter.messages(), adapter.eventLog(), adapter.jobQueue(), adapter.idempotencyKeys(),
                adapter.transactions(), adapter.newAlbums(), adapter::close);
    }

    /** How many sessions on this database wait for a lock another transaction holds. */
    static int sessionsWaitingForALock(PersistenceSettings database) {
        return count(database, "wait_event_type = 'Lock'");
    }

    static int sessionsIdleInTransaction(PersistenceSettings database) {
        return count(database, "state = 'idle in transaction'");
    }

    /** Cuts the connections of open transactions, as a node that dies mid-transaction would. */
    static void terminateSessionsIdleInTransaction(PersistenceSettings database) {
        assertThat(select(database, "pg_terminate_backend(pid)", "state = 'idle in transaction'")).isNotZero();
    }

    private static int count(PersistenceSettings database, String condition) {
        return select(database, "pid", condition);
    }

    /** Runs {@code SELECT what FROM pg_stat_activity} over this database's sessions; answers the row count. */
    private static int select(PersistenceSettings database, String what, String condition) {
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection connection = Server.POSTGRES.getPostgresDatabase().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT " + what
                     + " FROM pg_stat_activity WHERE datname = ? AND " + condition)) {
            query.setString(1, name);
            int rows = 0;
            try (ResultSet results = query.executeQuery()) {
                while (results.next()) {
                    rows++;
                }
            }
            return rows;
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot read pg_stat_activity", failure);
        }
    }

    private static PersistenceSettings settings(String database, int maxPoolSize) {
        return new PersistenceSettings("jdbc:postgresql://localhost:" + Server.POSTGRES.getPort() + "/" + database,
                "postgres", "postgres", maxPoolSize);
    }

    private static void execute(EmbeddedPostgres postgres, String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql + " failed", failure);
        }
    }

    /** Started on first use, by the JVM's class initialisation, so exactly once. */
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
                PersistenceAdapter.start(new PersistenceSettings("jdbc:postgresql://localhost:" + postgres.getPort()
                        + "/" + TEMPLATE, "postgres", "postgres", 1)).close();
                return postgres;
            } catch (IOException failure) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", failure);
            }
        }
    }
}
