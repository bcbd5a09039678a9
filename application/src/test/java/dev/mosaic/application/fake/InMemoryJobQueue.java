package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.JobQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Jobs in a map. A claim leases a due job until {@code now + lease}; finishing calls from a
 * claim that was overtaken (its lease ran out and the job was claimed again) are ignored.
 */
public final class InMemoryJobQueue implements JobQueue {
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized void enqueue(Job job, Instant runAt) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(runAt, "runAt");
        long id = nextId++;
        rows.put(id, new Row(id, job, runAt, 0, null, null));
    }

    @Override
    public synchronized Optional<ClaimedJob> claim(String worker, Instant now, Duration lease) {
        Optional<Row> due = rows.values().stream()
                .filter(row -> !row.runAt().isAfter(now))
                .filter(row -> row.lockedUntil() == null || !row.lockedUntil().isAfter(now))
                .min(Comparator.comparing(Row::runAt).thenComparing(Row::id));
        return due.map(row -> {
            Row claimed = new Row(row.id(), row.job(), row.runAt(), row.attempts() + 1, null, now.plus(lease));
            rows.put(row.id(), claimed);
            return new ClaimedJob(row.id(), row.job(), claimed.attempts());
        });
    }

    @Override
    public synchronized boolean extend(ClaimedJob job, Instant until) {
        if (!stillHeld(job)) {
            return false;
        }
        Row row = rows.get(job.id());
        rows.put(job.id(), new Row(row.id(), row.job(), row.runAt(), row.attempts(), row.lastError(), until));
        return true;
    }

    @Override
    public synchronized void done(ClaimedJob job) {
        if (stillHeld(job)) {
            rows.remove(job.id());
        }
    }

    @Override
    public synchronized void retryAt(ClaimedJob job, Instant runAt, String error) {
        if (stillHeld(job)) {
            Row row = rows.get(job.id());
            rows.put(job.id(), new Row(row.id(), row.job(), runAt, row.attempts(), error, null));
        }
    }

    @Override
    public synchronized void giveUp(ClaimedJob job, String error) {
        done(job);
    }

    @Override
    public synchronized int pending() {
        return rows.size();
    }

    /** The jobs not yet done or given up, in the order they were enqueued. */
    public synchronized List<Job> pendingJobs() {
        return rows.values().stream().map(Row::job).toList();
    }

    private boolean stillHeld(ClaimedJob job) {
        Row row = rows.get(job.id());
        return row != null && row.attempts() == job.attempt() && row.lockedUntil() != null;
    }

    private record Row(long id, Job job, Instant runAt, int attempts, String lastError, Instant lockedUntil) {
    }
}
