package dev.mosaic.bootstrap;

import dev.mosaic.application.port.in.ExpireUploadsUseCase;
import dev.mosaic.application.port.in.SweepStorageUseCase;
import dev.mosaic.application.port.out.Leases;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires uploads never completed and sweeps the stored objects no live asset needs, on a fixed rhythm, on one
 * node at a time.
 */
final class Janitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Janitor.class);
    private static final int MAX_SWEEPS_PER_RUN = 50;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mosaic-janitor");
        thread.setDaemon(true);
        return thread;
    });

    /** Every {@code every}, the node holding the janitor lease expires and sweeps what is due; the others skip. */
    Janitor(ExpireUploadsUseCase expire, SweepStorageUseCase sweep, Leases leases, String node, Clock clock,
            Duration every) {
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
                sweepAll(sweep);
            } catch (RuntimeException failure) {
                LOG.warn("expiring uploads or sweeping storage failed; trying again later", failure);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Batch after batch, but a bounded number per run: the next run goes on. */
    private static void sweepAll(SweepStorageUseCase sweep) {
        int total = 0;
        for (int pass = 0; pass < MAX_SWEEPS_PER_RUN; pass++) {
            int swept = sweep.sweepSettled();
            total += swept;
            if (swept == 0) {
                break;
            }
        }
        if (total > 0) {
            LOG.info("swept the stored objects of {} assets past their upload", total);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
