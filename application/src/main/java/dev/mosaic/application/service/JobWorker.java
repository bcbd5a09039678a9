package dev.mosaic.application.service;

import dev.mosaic.application.port.in.ProcessAssetUseCase;
import dev.mosaic.application.port.in.RunJobsUseCase;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.JobQueue.ClaimedJob;
import dev.mosaic.application.port.out.TransactionRunner;
import dev.mosaic.domain.Stage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes one due job and runs it, renewing its lease while it runs. A passing failure is retried with doubling backoff; after the
 * last attempt the asset fails with {@code processing_failed}, so no cell spins forever.
 */
public final class JobWorker implements RunJobsUseCase {
    private final MosaicSettings settings;
    private final TransactionRunner transactions;
    private final JobQueue jobs;
    private final ProcessAssetUseCase processAsset;
    private final AssetChanges changes;
    private final Clock clock;
    private final ScheduledExecutorService heartbeats;

    /** @param heartbeats renews the lease of running jobs, so only a dead worker's job is taken again */
    public JobWorker(MosaicSettings settings, TransactionRunner transactions, JobQueue jobs,
                     ProcessAssetUseCase processAsset, AssetChanges changes, Clock clock,
                     ScheduledExecutorService heartbeats) {
        this.settings = settings;
        this.transactions = transactions;
        this.jobs = jobs;
        this.processAsset = processAsset;
        this.changes = changes;
        this.clock = clock;
        this.heartbeats = heartbeats;
    }

    @Override
    public boolean runNext(String worker) {
        Optional<ClaimedJob> claimed = transactions.inTransaction(
                () -> jobs.claim(worker, clock.instant(), settings.jobLease()));
        if (claimed.isEmpty()) {
            return false;
        }
        ClaimedJob job = claimed.get();
        long beat = Math.max(1, settings.jobLease().toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(
                () -> jobs.extend(job, clock.instant().plus(settings.jobLease())), beat, beat, TimeUnit.MILLISECONDS);
        try {
            processAsset.process(job.job().asset());
            jobs.done(job);
        } catch (RuntimeException failure) {
            handleFailure(job, failure);
        } finally {
            heartbeat.cancel(false);
        }
        return true;
    }

    private void handleFailure(ClaimedJob job, RuntimeException failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (job.attempt() >= settings.maxJobAttempts()) {
            jobs.giveUp(job, error);
            changes.apply(job.job().asset(), current -> current.stage().isTerminal() || current.stage() == Stage.UPLOADING
                    ? Optional.empty()
                    : Optional.of(current.fail("processing_failed", clock.instant())));
            return;
        }
        Duration delay = settings.retryBackoff().multipliedBy(1L << Math.min(job.attempt() - 1, 16));
        jobs.retryAt(job, clock.instant().plus(delay), error);
    }
}
