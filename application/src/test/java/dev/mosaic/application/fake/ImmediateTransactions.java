package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.TransactionRunner;
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

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            T result = work.get();
            if (lock.getHoldCount() == 1) {
                committed++;
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
