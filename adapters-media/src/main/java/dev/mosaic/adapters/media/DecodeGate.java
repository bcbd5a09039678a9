package dev.mosaic.adapters.media;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets at most a fixed number of decodes run at once, so that many uploads at the same moment
 * cannot fill the heap with decoded pixels, nor start more transcodes than the cores can carry.
 * Counts what passed, for tests and metrics.
 */
final class DecodeGate {
    private final Semaphore permits;
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicLong decodes = new AtomicLong();

    DecodeGate(int maxConcurrentDecodes) {
        this.permits = new Semaphore(maxConcurrentDecodes, true);
    }

    @FunctionalInterface
    interface Decode<T> {
        T run() throws IOException;
    }

    <T> T through(Decode<T> decode) throws IOException, InterruptedException {
        permits.acquire();
        try {
            peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
            decodes.incrementAndGet();
            return decode.run();
        } finally {
            inside.decrementAndGet();
            permits.release();
        }
    }

    int running() {
        return inside.get();
    }

    int waiting() {
        return permits.getQueueLength();
    }

    /** The most decodes that were ever running at the same time. */
    int peakConcurrency() {
        return peak.get();
    }

    long decodesStarted() {
        return decodes.get();
    }
}
