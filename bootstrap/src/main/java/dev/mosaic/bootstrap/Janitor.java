package dev.mosaic.bootstrap;

import dev.mosaic.application.port.in.ExpireUploadsUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Expires uploads never completed, on a fixed rhythm. */
final class Janitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Janitor.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mosaic-janitor");
        thread.setDaemon(true);
        return thread;
    });

    Janitor(ExpireUploadsUseCase expire, Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
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
