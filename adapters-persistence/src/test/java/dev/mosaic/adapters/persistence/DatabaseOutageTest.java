package dev.mosaic.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.out.Unavailable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
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
}
