package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.TransactionRunner;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Binds one transaction's handle to the thread: every port call inside {@link #inTransaction}
 * joins it, a nested {@code inTransaction} joins it too, and a call outside any runs in a short
 * transaction of its own, or ({@link #inOneStatement}) as one statement in autocommit.
 */
final class JdbiTransactions implements TransactionRunner {
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return withHandle(handle -> work.get());
    }

    /**
     * Runs work that is ONE statement (atomic by itself) in the thread's transaction, or, when there is none, on a
     * connection in autocommit: no {@code BEGIN} and no {@code COMMIT} of its own, the commit riding in the
     * statement's round trip. Work of more than one statement must use {@link #withHandle}: here each would commit
     * on its own.
     */
    <T> T inOneStatement(Function<Handle, T> statement) {
        Handle joined = current.get();
        if (joined != null) {
            return statement.apply(joined);
        }
        try (Handle handle = jdbi.open()) {
            // a pool handing out connections in a transaction would roll the statement back at the close
            if (!handle.getConnection().getAutoCommit()) {
                throw new IllegalStateException("the pool's connections do not commit each statement");
            }
            return statement.apply(handle);
        } catch (SQLException failure) {
            throw DatabaseFailures.unavailableOrSame(new Jdbc.StatementFailed("(autocommit)", failure));
        } catch (RuntimeException failure) {
            throw DatabaseFailures.unavailableOrSame(failure);
        }
    }

    /** True inside {@link #inTransaction}: this thread's next statement joins an open transaction. */
    boolean joinsATransaction() {
        return current.get() != null;
    }

    /** Runs database work in the thread's transaction, or in a new one when there is none. */
    <T> T withHandle(Function<Handle, T> work) {
        Handle joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        return inNewTransaction(work);
    }

    private <T> T inNewTransaction(Function<Handle, T> work) {
        try (Handle handle = jdbi.open()) {
            current.set(handle);
            try {
                return handle.inTransaction(transaction -> work.apply(transaction));
            } finally {
                current.remove();
            }
        } catch (RuntimeException failure) {
            throw DatabaseFailures.unavailableOrSame(failure);
        }
    }

    <D, T> T withDao(Class<D> daoType, Function<D, T> work) {
        return withHandle(handle -> work.apply(handle.attach(daoType)));
    }
}
