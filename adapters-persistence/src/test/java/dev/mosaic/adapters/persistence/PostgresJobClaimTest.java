package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.JobQueue.ClaimedJob;
import dev.mosaic.application.port.out.JobQueue.Job;
import dev.mosaic.domain.AssetId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On PostgreSQL a claim locks the job it takes and passes over jobs other claims hold. */
class PostgresJobClaimTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private PersistenceSettings database;
    private PersistenceAdapter nodeA;
    private PersistenceAdapter nodeB;

    @BeforeEach
    void startNodes() {
        database = PostgresStores.freshDatabase(4);
        nodeA = PersistenceAdapter.start(database);
        nodeB = PersistenceAdapter.start(database);
        nodeA.transactions().run(() -> {
            nodeA.jobQueue().enqueue(process(501), T0);
            nodeA.jobQueue().enqueue(process(502), T0.plusSeconds(1));
        });
    }

    @AfterEach
    void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aClaimPassesOverAJobAnotherUncommittedClaimHoldsInsteadOfWaitingForIt() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Optional<ClaimedJob>> holder = CompletableFuture.supplyAsync(() ->
                nodeA.transactions().inTransaction(() -> {
                    Optional<ClaimedJob> job = nodeA.jobQueue().claim("node-a", T0.plusSeconds(5), LEASE);
                    claimed.countDown();
                    await().atMost(PATIENCE).until(() -> commit.getCount() == 0);
                    return job;
                }));
        assertThat(claimed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Optional<ClaimedJob> other = CompletableFuture.supplyAsync(() ->
                nodeB.jobQueue().claim("node-b", T0.plusSeconds(5), LEASE)).get(5, TimeUnit.SECONDS);
        commit.countDown();

        assertThat(holder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).map(job -> job.job().asset())
                .contains(AssetId.of(501));
        assertThat(other).map(job -> job.job().asset()).contains(AssetId.of(502));
    }

    @Test
    void aClaimWhoseConnectionDiesBeforeItCommitsLeavesTheJobFreeAtOnce() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CompletableFuture<Optional<ClaimedJob>> dying = CompletableFuture.supplyAsync(() ->
                nodeA.transactions().inTransaction(() -> {
                    Optional<ClaimedJob> job = nodeA.jobQueue().claim("node-a", T0.plusSeconds(5), LEASE);
                    claimed.countDown();
                    await().atMost(PATIENCE).until(() -> PostgresStores.sessionsIdleInTransaction(database) == 0);
                    return job;
                }));
        assertThat(claimed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        PostgresStores.terminateSessionsIdleInTransaction(database);

        assertThat(dying).failsWithin(PATIENCE);
        ClaimedJob retaken = nodeB.jobQueue().claim("node-b", T0.plusSeconds(5), LEASE).orElseThrow();
        assertThat(retaken.job().asset()).isEqualTo(AssetId.of(501));
        assertThat(retaken.attempt()).isEqualTo(1);
    }

    private static Job process(long asset) {
        return new Job(JobQueue.Kind.PROCESS_ASSET, AssetId.of(asset));
    }
}
