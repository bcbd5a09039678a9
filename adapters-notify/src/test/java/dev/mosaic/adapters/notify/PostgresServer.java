package dev.mosaic.adapters.notify;

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
 * One embedded PostgreSQL for every test in this JVM, and a database of its own for each test: channels
 * belong to a database, so tests never hear each other. The server goes away when the JVM exits.
 */
final class PostgresServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresServer() {
    }

    /** The URL of a new, empty database. */
    static String freshDatabaseUrl() {
        String name = "notify_" + DATABASES.incrementAndGet();
        try (Connection connection = Server.POSTGRES.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot create database " + name, failure);
        }
        return "jdbc:postgresql://localhost:" + Server.POSTGRES.getPort() + "/" + name;
    }

    static String user() {
        return "postgres";
    }

    static String password() {
        return "postgres";
    }

    /** Ends the session of this server process, as a network failure or a database restart would. */
    static boolean terminate(int backendPid) {
        return ask("SELECT pg_terminate_backend(?)", backendPid);
    }

    static boolean isAlive(int backendPid) {
        return ask("SELECT count(*) = 1 FROM pg_stat_activity WHERE pid = ?", backendPid);
    }

    private static boolean ask(String question, int backendPid) {
        try (Connection connection = Server.POSTGRES.getPostgresDatabase().getConnection();
             PreparedStatement query = connection.prepareStatement(question)) {
            query.setInt(1, backendPid);
            try (ResultSet answer = query.executeQuery()) {
                answer.next();
                return answer.getBoolean(1);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(question + " failed", failure);
        }
    }

    /** Started on first use, by the JVM's class initialisation, so exactly once. */
    private static final class Server {
        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException failure) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", failure);
            }
        }
    }
}
