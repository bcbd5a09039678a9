package dev.mosaic.bootstrap;

import dev.mosaic.application.port.in.ExpireUploadsUseCase;
import dev.mosaic.application.port.out.Leases;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Expires uploads never completed, on a fixed rhythm, on one node at a time. */
final class Janitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Janitor.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mosaic-janitor");
        thread.setDaemon(true);
        return thread;
    });

    /** Every {@code every}, the node holding the janitor lease expires what is due; the others skip. */
    Janitor(ExpireUploadsUseCase expire, Leases leases, String node, Clock clock, Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (!leases.tryAcquire("janitor", node, clock.instant(), every.multipliedBy(3))) {
                    return;
                }
                int expired;
                do {
                    expired = expire.expireDue();
                    if (expired > 0) {
                        LOG.info("expired {} uploads never completed", expired);
                    }
                } while (expired > 0);
            } catch (RuntimeException failure) {
                LOG.warn("expiring uploads failed; trying again later", failure);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
