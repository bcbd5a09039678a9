package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.TransactionRunner;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Binds one transaction's handle to the thread: every port call inside {@link #inTransaction}
 * joins it, a nested {@code inTransaction} joins it too, and a call outside any runs in a short
 * transaction of its own.
 */
final class JdbiTransactions implements TransactionRunner {
    private final Jdbi jdbi;
    private final String deferFlush;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    /** For tests: transactions whose commits are all durable. */
    JdbiTransactions(Jdbi jdbi) {
        this(jdbi, Dialect.H2);
    }

    JdbiTransactions(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.deferFlush = dialect.deferFlushAtCommit();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return withHandle(handle -> work.get());
    }

    /**
     * A new transaction starts with the dialect's statement that lets its commit return before the log is flushed
     * (nothing on H2, which has no such switch); a joined one keeps the outer transaction's durability.
     */
    @Override
    public <T> T inTransactionMadeDurableByTheNext(Supplier<T> work) {
        if (current.get() != null || deferFlush == null) {
            return inTransaction(work);
        }
        return inNewTransaction(handle -> {
            handle.execute(deferFlush);
            return work.get();
        });
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
