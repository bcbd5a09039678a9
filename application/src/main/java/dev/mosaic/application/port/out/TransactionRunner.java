package dev.mosaic.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: every port write inside it lands, or none does. */
@FunctionalInterface
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
