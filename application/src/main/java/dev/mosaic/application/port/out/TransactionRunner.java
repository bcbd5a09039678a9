package dev.mosaic.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: every port write inside it lands, or none does. */
@FunctionalInterface
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs work in a transaction whose commit may return before it is on disk (PostgreSQL: {@code SET LOCAL
     * synchronous_commit = off}). Only for work that nothing durable or answered depends on until a later
     * transaction's durable commit: the database writes one log, in order, so that later commit makes this one
     * durable too, and a crash before it loses only what no client was told and no row holds (a read; ids drawn
     * from sequences, which a crash may then hand out again). Inside an open transaction it joins that one,
     * durability unchanged. By default an ordinary transaction.
     */
    default <T> T inTransactionMadeDurableByTheNext(Supplier<T> work) {
        return inTransaction(work);
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
