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
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return withHandle(handle -> work.get());
    }

    /** Runs database work in the thread's transaction, or in a new one when there is none. */
    <T> T withHandle(Function<Handle, T> work) {
        Handle joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
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
