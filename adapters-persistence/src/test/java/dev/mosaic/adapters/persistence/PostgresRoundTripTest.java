package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.application.port.out.NewAlbums;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a batch create costs PostgreSQL, as the server counts it ({@code pg_stat_statements}, utility statements
 * such as {@code BEGIN} included): the reservation and the store are one statement each, with no
 * transaction statement around either, so two round trips per create. A server of its own: the module's shared one
 * does not load the extension, which costs every statement a little.
 */
class PostgresRoundTripTest {
    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                // statements the client sent: not those the server runs inside them (the foreign key's checks)
                .setServerConfig("pg_stat_statements.track", "top")
                .setServerConfig("pg_stat_statements.track_utility", "on")
                .start();
        execute("CREATE EXTENSION pg_stat_statements");
        execute("CREATE DATABASE mosaic");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aBatchCreateIsOneQueryAndOneStatementWithNoTransactionStatements() throws Exception {
        // one connection, and the same work once before the count: the pool's start and the statements' first
        // preparations are not what a create costs
        try (PersistenceAdapter adapter = PersistenceAdapter.start(new PersistenceSettings(
                "jdbc:postgresql://localhost:" + server.getPort() + "/mosaic", "postgres", "postgres", 1))) {
            NewAlbums albums = adapter.newAlbums();
            create(albums, adapter, "warm-up");
            execute("SELECT pg_stat_statements_reset()");

            Message album = create(albums, adapter, "counted");

            List<String> statements = statementsOfMosaic();
            assertThat(statements).as("calls per statement, as the server saw them").hasSize(2);
            assertThat(statements.get(0)).startsWith("1 SELECT pending.uploads").contains("ARRAY[nextval(")
                    .as("its commit need not wait for the WAL flush").contains("set_config(");
            assertThat(statements.get(1)).startsWith("1 WITH m AS (INSERT INTO messages")
                    .contains("a AS (INSERT INTO assets").contains("k AS (UPDATE idempotency_keys")
                    .contains("INSERT INTO event_counters").contains("INSERT INTO events");
            assertThat(adapter.messages().byId(album.id())).contains(album);
            assertThat(adapter.idempotencyKeys().find(SENDER, "counted").orElseThrow().message())
                    .contains(album.id());

            // what the count shows of a transaction: its BEGIN (its COMMIT is not among the statements the extension
            // keeps here, but is a round trip of its own all the same)
            execute("SELECT pg_stat_statements_reset()");
            adapter.transactions().run(() -> adapter.messages().usage(SENDER, T0));
            assertThat(statementsOfMosaic()).hasSize(2).first().isEqualTo("1 BEGIN");
        }
    }

    /** Reserves a key, then an album of three assets from SENDER to RECEIVER is reserved and stored. */
    private static Message create(NewAlbums albums, PersistenceAdapter adapter, String key) {
        adapter.idempotencyKeys().reserve(SENDER, key, "print", T0);
        execute("SELECT pg_stat_statements_reset()");
        NewAlbumIds ids = albums.reserve(SENDER, T0.minus(Duration.ofHours(24)), 3).ids();
        var builder = message(ids.message().value()).between(SENDER, RECEIVER);
        for (AssetId id : ids.assets()) {
            builder = builder.with(asset(id.value()));
        }
        Message album = builder.build();
        albums.store(album, Optional.of(key), new Fact.AlbumSent(album));
        return album;
    }

    /** "calls query" of each statement run on the database mosaic, in the order first run. */
    private static List<String> statementsOfMosaic() {
        List<String> statements = new ArrayList<>();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT calls, query FROM pg_stat_statements
                     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'mosaic')
                     ORDER BY stats_since, queryid""")) {
            while (rows.next()) {
                statements.add(rows.getLong(1) + " " + rows.getString(2));
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot read pg_stat_statements", failure);
        }
        return statements;
    }

    private static void execute(String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql + " failed", failure);
        }
    }
}
