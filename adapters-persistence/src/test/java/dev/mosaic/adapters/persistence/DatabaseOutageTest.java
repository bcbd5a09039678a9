package dev.mosaic.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.port.out.Unavailable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import dev.mosaic.application.fake.Fixtures;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

/** A database that goes away is an outage the callers can tell from a bug: the port's {@link Unavailable}. */
class DatabaseOutageTest {

    @Test
    void aStoppedPostgresIsUnavailableNotAFailedStatement() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        PersistenceAdapter db;
        try {
            db = PersistenceAdapter.start(new PersistenceSettings("jdbc:postgresql://localhost:" + postgres.getPort()
                    + "/postgres", "postgres", "postgres", 2));
            assertThat(db.ids().nextAssetId().value()).isPositive();
        } finally {
            postgres.close();
        }
        try (db) {
            assertThatThrownBy(() -> db.ids().nextAssetId())
                    .isInstanceOfSatisfying(Unavailable.class,
                            down -> assertThat(down.part()).isEqualTo(Unavailable.Part.DATABASE));
            assertThatThrownBy(() -> db.messages().byId(dev.mosaic.domain.MessageId.of(1)))
                    .isInstanceOf(Unavailable.class);
            assertThatThrownBy(() -> db.newAlbums().reserve(Fixtures.SENDER, Fixtures.T0, 2))
                    .isInstanceOf(Unavailable.class);
            Message album = Fixtures.message(100).with(Fixtures.asset(500)).build();
            assertThatThrownBy(() -> db.newAlbums().store(album, Optional.of("k-1"), new Fact.AlbumSent(album)))
                    .isInstanceOf(Unavailable.class);
            assertThat(db.isHealthy()).isFalse();
        }
    }

    @Test
    void aStatementTheDatabaseRefusesIsNotAnOutage() {
        RuntimeException syntax = new IllegalStateException(new SQLSyntaxErrorException("bad", "42000"));
        RuntimeException constraint = new IllegalStateException(new SQLException("duplicate", "23505"));

        assertThat(DatabaseFailures.unavailableOrSame(syntax)).isSameAs(syntax);
        assertThat(DatabaseFailures.unavailableOrSame(constraint)).isSameAs(constraint);
    }

    @Test
    void connectionClassSqlStatesAreOutages() {
        assertThat(DatabaseFailures.isConnectionLoss(new SQLException("gone", "08006"))).isTrue();
        assertThat(DatabaseFailures.isConnectionLoss(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(DatabaseFailures.isConnectionLoss(new IllegalStateException(new java.net.ConnectException()))).isTrue();
        assertThat(DatabaseFailures.isConnectionLoss(new SQLException("no state"))).isFalse();
    }

    @Test
    void lockTimeoutsDeadlocksAndCancelledStatementsAreABusyDatabaseNotABug() {
        for (String state : List.of("HYT00", "40001", "90131", "40P01", "55P03", "57014")) {
            RuntimeException busy = new IllegalStateException(new SQLException("busy", state));
            assertThat(DatabaseFailures.unavailableOrSame(busy)).as(state)
                    .isInstanceOfSatisfying(Unavailable.class, down -> {
                        assertThat(down.part()).isEqualTo(Unavailable.Part.DATABASE);
                        assertThat(down).hasCause(busy);
                    });
        }
        assertThat(DatabaseFailures.isContention(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFailures.isContention(new SQLException("not null", "23502"))).isFalse();
    }

    /** Two transactions on a real PostgreSQL: the second waits for the first's row past its {@code lock_timeout}. */
    @Test
    void aPostgresLockTimeoutIsTheDatabaseUnavailable() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
                PersistenceAdapter db = PersistenceAdapter.start(new PersistenceSettings("jdbc:postgresql://localhost:"
                        + postgres.getPort() + "/postgres?options=-c%20lock_timeout=200", "postgres", "postgres", 2))) {
            UserId user = UserId.of(7);
            db.eventLog().append(user, Fixtures.update(99, 1, Stage.UPLOADING));
            try (Connection holder = postgres.getPostgresDatabase().getConnection();
                    Statement advance = holder.createStatement()) {
                holder.setAutoCommit(false);
                advance.execute("UPDATE event_counters SET last_seq = last_seq + 1 WHERE user_id = 7");

                assertThatThrownBy(() -> db.transactions().run(
                        () -> db.eventLog().append(user, Fixtures.update(99, 1, Stage.READY))))
                        .isInstanceOfSatisfying(Unavailable.class, down -> {
                            assertThat(down.part()).isEqualTo(Unavailable.Part.DATABASE);
                            assertThat(sqlState(down)).isEqualTo("55P03");
                        });
                // a new album whose audience holds that counter: its one statement waits as long, then nothing of it
                Message album = Fixtures.message(100).between(user, UserId.of(8)).with(Fixtures.asset(500)).build();
                assertThatThrownBy(() -> db.newAlbums().store(album, Optional.empty(), new Fact.AlbumSent(album)))
                        .isInstanceOfSatisfying(Unavailable.class,
                                down -> assertThat(sqlState(down)).isEqualTo("55P03"));
                assertThat(db.messages().byId(album.id())).isEmpty();
                assertThat(db.eventLog().lastSequence(UserId.of(8))).isZero();
                holder.rollback();
            }
            assertThat(db.eventLog().lastSequence(user)).isEqualTo(1);
        }
    }

    /** A reservation reads the sender's uploads: a table another transaction holds locked past the timeout. */
    @Test
    void aPostgresLockTimeoutOnANewAlbumsReservationIsTheDatabaseUnavailable() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
                PersistenceAdapter db = PersistenceAdapter.start(new PersistenceSettings("jdbc:postgresql://localhost:"
                        + postgres.getPort() + "/postgres?options=-c%20lock_timeout=200", "postgres", "postgres", 2))) {
            try (Connection holder = postgres.getPostgresDatabase().getConnection();
                    Statement lock = holder.createStatement()) {
                holder.setAutoCommit(false);
                lock.execute("LOCK TABLE assets IN ACCESS EXCLUSIVE MODE");

                assertThatThrownBy(() -> db.newAlbums().reserve(Fixtures.SENDER, Fixtures.T0, 2))
                        .isInstanceOfSatisfying(Unavailable.class,
                                down -> assertThat(sqlState(down)).isEqualTo("55P03"));
                holder.rollback();
            }
            assertThat(db.newAlbums().reserve(Fixtures.SENDER, Fixtures.T0, 2).ids().assets()).hasSize(2);
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
