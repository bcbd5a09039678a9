package dev.mosaic.application.port.out;

import dev.mosaic.domain.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Durable work: enqueued in the caller's transaction, each job taken by one worker at a time. */
public interface JobQueue {

    void enqueue(Job job, Instant runAt);

    /** Takes the oldest due job for {@code lease}; after it the job may be taken again. */
    Optional<ClaimedJob> claim(String worker, Instant now, Duration lease);

    /**
     * The worker's heartbeat: keeps holding the job until {@code until}. False when the lease was
     * lost (it ran out and another worker took the job): the caller should stop.
     */
    boolean extend(ClaimedJob job, Instant until);

    void done(ClaimedJob job);

    void retryAt(ClaimedJob job, Instant runAt, String error);

    void giveUp(ClaimedJob job, String error);

    /** Jobs not yet done or given up. */
    int pending();

    enum Kind {
        PROCESS_ASSET
    }

    record Job(Kind kind, AssetId asset) {
    }

    /** @param attempt 1 on the first run */
    record ClaimedJob(long id, Job job, int attempt) {
    }
}
