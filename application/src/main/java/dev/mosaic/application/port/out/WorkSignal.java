package dev.mosaic.application.port.out;

/** Told after a commit that jobs were enqueued, so a worker starts at once instead of polling. */
@FunctionalInterface
public interface WorkSignal {

    void workAvailable();
}
