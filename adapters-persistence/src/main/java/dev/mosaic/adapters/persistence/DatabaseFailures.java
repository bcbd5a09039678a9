package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.Unavailable;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Tells a lost database (an outage: the port's {@link Unavailable}) from a failed statement (a bug). */
final class DatabaseFailures {

    private static final int MAX_DEPTH = 16;

    private DatabaseFailures() {
    }

    static RuntimeException unavailableOrSame(RuntimeException failure) {
        if (failure instanceof Unavailable || !isConnectionLoss(failure)) {
            return failure;
        }
        return new Unavailable(Unavailable.Part.DATABASE, rootMessage(failure), failure);
    }

    /**
     * No connection to be had (the pool timed out waiting, the server refused or dropped it), or the
     * server said it is shutting down or not accepting connections: SQLSTATE classes 08 and 57P.
     */
    static boolean isConnectionLoss(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && depth++ < MAX_DEPTH) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
