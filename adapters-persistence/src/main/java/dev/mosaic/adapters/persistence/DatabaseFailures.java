package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.Unavailable;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a lost or busy database (an outage: the port's {@link Unavailable}) from a failed statement (a bug). Busy:
 * the statement waited too long for another transaction's lock, or was picked to end a deadlock. The transaction
 * is rolled back either way ({@link JdbiTransactions}), and the same request a moment later may well succeed.
 */
final class DatabaseFailures {

    private static final int MAX_DEPTH = 16;
    /**
     * H2: lock timeout (error 50200, SQLSTATE HYT00), deadlock (40001), a concurrent update it stopped re-running at
     * its lock timeout (90131). PostgreSQL: serialization failure (40001), deadlock detected (40P01), lock not
     * available (55P03, {@code lock_timeout}), query canceled (57014, {@code statement_timeout}).
     */
    private static final Set<String> CONTENTION = Set.of("HYT00", "40001", "90131", "40P01", "55P03", "57014");

    private DatabaseFailures() {
    }

    static RuntimeException unavailableOrSame(RuntimeException failure) {
        if (failure instanceof Unavailable || !isConnectionLoss(failure) && !isContention(failure)) {
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

    /** The database gave up on a lock wait, or ended a deadlock or an overlong statement ({@link #CONTENTION}). */
    static boolean isContention(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && CONTENTION.contains(sql.getSQLState())) {
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
