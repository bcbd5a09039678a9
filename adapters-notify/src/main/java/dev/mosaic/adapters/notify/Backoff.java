package dev.mosaic.adapters.notify;

import java.time.Duration;

/** Waits between attempts to reach the database: short at first, doubling up to a ceiling. */
final class Backoff {
    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration CEILING = Duration.ofSeconds(5);

    private Duration next = FIRST;

    void reset() {
        next = FIRST;
    }

    /** Sleeps the current delay and doubles it; false when interrupted (the notifier is closing). */
    boolean pause() {
        try {
            Thread.sleep(next.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(CEILING) > 0 ? CEILING : doubled;
        return true;
    }
}
