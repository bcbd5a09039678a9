package dev.mosaic.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Plain JDBC for the few statements every batch create runs, on the connection of the handle's transaction: JDBI
 * resolves an argument factory for every bind and builds a statement context per execution, which on this path cost
 * as much CPU as the database's own work (JFR, issue 15). Everything else stays on JDBI.
 */
final class Jdbc {
    private Jdbc() {
    }

    @FunctionalInterface
    interface Work<T> {
        T with(PreparedStatement statement) throws SQLException;
    }

    /** Prepares {@code sql} on the transaction's connection, runs {@code work} with it, and closes it. */
    static <T> T prepared(Handle handle, String sql, Work<T> work) {
        Connection connection = handle.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.with(statement);
        } catch (SQLException failure) {
            throw new StatementFailed(sql, failure);
        }
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    /** As every instant is stored: UTC, whole microseconds ({@link JdbiSetup#toColumn}). */
    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, JdbiSetup.toColumn(value));
        }
    }

    /** A statement the database refused, or a lost connection: {@link DatabaseFailures} reads the cause. */
    static final class StatementFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StatementFailed(String sql, SQLException cause) {
            super(cause.getMessage() + " [SQLState " + cause.getSQLState() + "] in: " + sql, cause);
        }
    }
}
