package dev.mosaic.application.port.in;

/** Works off the job queue; the caller owns the threads. */
@FunctionalInterface
public interface RunJobsUseCase {

    /** Runs at most one due job; false when there was none. */
    boolean runNext(String worker);
}
