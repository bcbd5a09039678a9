package dev.mosaic.application.service;

import dev.mosaic.application.port.in.ProcessAssetUseCase;
import dev.mosaic.application.port.in.RunJobsUseCase;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.JobQueue.ClaimedJob;
import dev.mosaic.application.port.out.TransactionRunner;
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
    private static final System.Logger LOG = System.getLogger(JobWorker.class.getName());
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
        LOG.log(System.Logger.Level.DEBUG, "asset {0} claimed by {1}", job.job().asset(), worker);
        if (job.attempt() > settings.maxJobAttempts()) {
            // earlier attempts never reported back: their worker died with the job (killed, out of memory)
            giveUp(job, "worker lost " + (job.attempt() - 1) + " times");
            return true;
        }
        long beat = Math.max(1, settings.jobLease().toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(() -> renew(job), beat, beat,
                TimeUnit.MILLISECONDS);
        try {
            processAsset.process(job.job().asset());
            jobs.done(job);
        } catch (RuntimeException | Error failure) {
            handleFailure(job, failure);
        } finally {
            heartbeat.cancel(false);
        }
        return true;
    }

    /** One renewal failing (a database hiccup) must not end the heartbeat: the next one tries again. */
    private void renew(ClaimedJob job) {
        try {
            if (!jobs.extend(job, clock.instant().plus(settings.jobLease()))) {
                LOG.log(System.Logger.Level.WARNING, "job {0} of asset {1} lost its lease; another worker may run it too",
                        job.id(), job.job().asset());
            }
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "renewing the lease of job " + job.id()
                    + " failed; trying again at the next beat", failure);
        }
    }

    private void handleFailure(ClaimedJob job, Throwable failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (job.attempt() >= settings.maxJobAttempts()) {
            giveUp(job, error);
            return;
        }
        Duration delay = settings.retryBackoff().multipliedBy(1L << Math.min(job.attempt() - 1, 16));
        LOG.log(System.Logger.Level.WARNING, "job " + job.id() + " of asset " + job.job().asset() + " failed (attempt "
                + job.attempt() + " of " + settings.maxJobAttempts() + "); retrying in " + delay, failure);
        jobs.retryAt(job, clock.instant().plus(delay), error);
    }

    /** The asset fails first: a crash between the two then only reruns a job that finds it settled. */
    private void giveUp(ClaimedJob job, String error) {
        LOG.log(System.Logger.Level.WARNING, "job {0} of asset {1} gave up after {2} attempts: {3}", job.id(),
                job.job().asset(), job.attempt(), error);
        changes.apply(job.job().asset(), current -> current.fail("processing_failed", clock.instant()));
        jobs.giveUp(job, error);
    }
}
