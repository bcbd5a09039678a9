package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.domain.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Claims by compare-and-set on the lease columns, so each lease has one winner on any database;
 * which candidates a claim looks at (and whether it locks them) is the {@link Dialect}'s part.
 */
final class JdbiJobQueue implements JobQueue {
    private static final int MAX_ROUNDS = 50;
    private static final int MAX_ERROR_LENGTH = 4000;

    private final JdbiTransactions transactions;
    private final Dialect dialect;

    JdbiJobQueue(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    @Override
    public void enqueue(Job job, Instant runAt) {
        transactions.withDao(JobDao.class, dao -> {
            dao.insert(job.kind().name(), job.asset().value(), runAt);
            return null;
        });
    }

    @Override
    public Optional<ClaimedJob> claim(String worker, Instant now, Duration lease) {
        Instant until = now.plus(lease);
        return transactions.withHandle(handle -> {
            JobDao dao = handle.attach(JobDao.class);
            // losing every candidate means others took them: look again, they may have left more
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<JobRow> candidates = handle.createQuery(dialect.claimableJobs()).bind("now", now)
                        .map(ConstructorMapper.of(JobRow.class)).list();
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                for (JobRow candidate : candidates) {
                    if (dao.lease(candidate.id(), candidate.attempts(), worker, now, until) == 1) {
                        return Optional.of(claimed(candidate));
                    }
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public boolean extend(ClaimedJob job, Instant until) {
        return transactions.withDao(JobDao.class, dao -> dao.extend(job.id(), job.attempt(), until)) == 1;
    }

    @Override
    public void done(ClaimedJob job) {
        transactions.withDao(JobDao.class, dao -> dao.finish(job.id(), job.attempt()));
    }

    @Override
    public void retryAt(ClaimedJob job, Instant runAt, String error) {
        transactions.withDao(JobDao.class, dao -> dao.postpone(job.id(), job.attempt(), runAt, clip(error)));
    }

    @Override
    public void giveUp(ClaimedJob job, String error) {
        transactions.withDao(JobDao.class, dao -> dao.abandon(job.id(), job.attempt(), clip(error)));
    }

    @Override
    public int pending() {
        return transactions.withDao(JobDao.class, JobDao::pending);
    }

    /** The job as leased: one attempt more than its row had when it was read. */
    private static ClaimedJob claimed(JobRow row) {
        return new ClaimedJob(row.id(), new Job(Kind.valueOf(row.kind()), AssetId.of(row.assetId())),
                row.attempts() + 1);
    }

    private static String clip(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
