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

/**
 * Takes one due job and runs it. A passing failure is retried with doubling backoff; after the
 * last attempt the asset fails with {@code processing_failed}, so no cell spins forever.
 */
public final class JobWorker implements RunJobsUseCase {
    private final MosaicSettings settings;
    private final TransactionRunner transactions;
    private final JobQueue jobs;
    private final ProcessAssetUseCase processAsset;
    private final AssetChanges changes;
    private final Clock clock;

    public JobWorker(MosaicSettings settings, TransactionRunner transactions, JobQueue jobs,
                     ProcessAssetUseCase processAsset, AssetChanges changes, Clock clock) {
        this.settings = settings;
        this.transactions = transactions;
        this.jobs = jobs;
        this.processAsset = processAsset;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public boolean runNext(String worker) {
        Optional<ClaimedJob> claimed = transactions.inTransaction(
                () -> jobs.claim(worker, clock.instant(), settings.jobLease()));
        if (claimed.isEmpty()) {
            return false;
        }
        ClaimedJob job = claimed.get();
        try {
            processAsset.process(job.job().asset());
            jobs.done(job);
        } catch (RuntimeException failure) {
            handleFailure(job, failure);
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
