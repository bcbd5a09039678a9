package dev.mosaic.adapters.persistence;

import java.sql.SQLException;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** An insert that may lose a race for its key without spoiling the surrounding transaction. */
final class UniqueInsert {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SAVEPOINT = "unique_insert";

    private UniqueInsert() {
    }

    /**
     * Runs {@code insert} behind a savepoint; false when its key exists already. The savepoint
     * matters on PostgreSQL, where any failed statement otherwise aborts the whole transaction.
     */
    static boolean attempt(Handle handle, Consumer<Handle> insert) {
        handle.savepoint(SAVEPOINT);
        try {
            insert.accept(handle);
            handle.releaseSavepoint(SAVEPOINT);
            return true;
        } catch (RuntimeException failure) {
            if (!isUniqueViolation(failure)) {
                throw failure;
            }
            handle.rollbackToSavepoint(SAVEPOINT);
            return false;
        }
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
