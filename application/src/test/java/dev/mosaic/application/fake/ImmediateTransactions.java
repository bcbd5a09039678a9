package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.TransactionRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs each unit of work under one global, reentrant lock, so transactions never interleave
 * and a nested one simply joins the outer. There is NO rollback: writes made before a failure
 * stay in the fakes, except those a fake registered to be taken back ({@link #takeBackOnFailure}).
 * Tests that need all-or-nothing behaviour must use the real adapter.
 */
public final class ImmediateTransactions implements TransactionRunner {
    private final ReentrantLock lock = new ReentrantLock();
    private int committed;
    private final Deque<Runnable> takeBacks = new ArrayDeque<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        boolean outermost = lock.getHoldCount() == 1;
        try {
            T result = work.get();
            if (outermost) {
                committed++;
            }
            return result;
        } catch (RuntimeException | Error failure) {
            if (outermost) {
                // every take-back runs, and one that fails does not hide the failure that caused them
                while (!takeBacks.isEmpty()) {
                    try {
                        takeBacks.pop().run();
                    } catch (RuntimeException takeBackFailed) {
                        failure.addSuppressed(takeBackFailed);
                    }
                }
            }
            throw failure;
        } finally {
            if (outermost) {
                takeBacks.clear();
            }
            lock.unlock();
        }
    }

    /**
     * Runs {@code takeBack} if the open transaction fails (outside any, never): for a write whose survival after a
     * failure would change what the service does next, as a completed idempotency key does.
     */
    public void takeBackOnFailure(Runnable takeBack) {
        if (lock.isHeldByCurrentThread()) {
            takeBacks.push(takeBack);
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
