package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.TransactionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs each unit of work under one global, reentrant lock, so transactions never interleave
 * and a nested one simply joins the outer. There is NO rollback: writes made before a failure
 * stay in the fakes. Tests that need all-or-nothing behaviour must use the real adapter.
 */
public final class ImmediateTransactions implements TransactionRunner {
    private final ReentrantLock lock = new ReentrantLock();
    private int committed;
    private final List<Boolean> flushDeferred = new ArrayList<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(work, false);
    }

    @Override
    public <T> T inTransactionMadeDurableByTheNext(Supplier<T> work) {
        return run(work, true);
    }

    private <T> T run(Supplier<T> work, boolean deferred) {
        lock.lock();
        try {
            T result = work.get();
            if (lock.getHoldCount() == 1) {
                committed++;
                flushDeferred.add(deferred);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the calling thread is inside a transaction. */
    public boolean isOpen() {
        return lock.isHeldByCurrentThread();
    }

    /** For each outermost transaction committed, in order: whether its commit could return before the flush. */
    public List<Boolean> flushDeferred() {
        lock.lock();
        try {
            return List.copyOf(flushDeferred);
        } finally {
            lock.unlock();
        }
    }

    /** How many outermost transactions finished without throwing. */
    public int committed() {
        lock.lock();
        try {
            return committed;
        } finally {
            lock.unlock();
        }
    }
}
