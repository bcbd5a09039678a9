package dev.mosaic.application.contract;

import static dev.mosaic.application.fake.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.JobQueue.ClaimedJob;
import dev.mosaic.application.port.out.JobQueue.Job;
import dev.mosaic.domain.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JobQueue} must do; subclasses supply a fresh, empty store per test. */
public abstract class JobQueueContract {
    private static final Duration LEASE = Duration.ofSeconds(30);

    private Ports ports;
    private JobQueue queue;

    protected abstract Ports newPorts();

    @BeforeEach
    void openStore() {
        ports = newPorts();
        queue = ports.jobQueue();
    }

    @AfterEach
    void closeStore() {
        ports.close();
    }

    private static Job process(long asset) {
        return new Job(JobQueue.Kind.PROCESS_ASSET, AssetId.of(asset));
    }

    @Test
    void anEnqueuedJobIsClaimedOnceDueAsItsFirstAttempt() {
        ports.transactions().run(() -> queue.enqueue(process(500), T0.plusSeconds(10)));

        assertThat(queue.claim("w1", T0.plusSeconds(9), LEASE)).isEmpty();
        ClaimedJob claimed = queue.claim("w1", T0.plusSeconds(10), LEASE).orElseThrow();

        assertThat(claimed.job()).isEqualTo(process(500));
        assertThat(claimed.attempt()).isEqualTo(1);
        assertThat(queue.pending()).isEqualTo(1);
    }

    @Test
    void aLeasedJobIsNotClaimedAgainUntilTheLeaseRunsOut() {
        queue.enqueue(process(500), T0);
        ClaimedJob first = queue.claim("w1", T0, LEASE).orElseThrow();

        assertThat(queue.claim("w2", T0.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
        ClaimedJob second = queue.claim("w2", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.job()).isEqualTo(first.job());
        assertThat(second.attempt()).isEqualTo(2);
    }

    @Test
    void aHeartbeatKeepsTheJobHeldPastItsFirstLease() {
        queue.enqueue(process(500), T0);
        ClaimedJob held = queue.claim("w1", T0, LEASE).orElseThrow();

        assertThat(queue.extend(held, T0.plus(LEASE).plus(LEASE))).isTrue();

        assertThat(queue.claim("w2", T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
        assertThat(queue.claim("w2", T0.plus(LEASE).plus(LEASE).plusSeconds(1), LEASE)).isPresent();
    }

    @Test
    void aWorkerThatLostItsLeaseCannotExtendIt() {
        queue.enqueue(process(500), T0);
        ClaimedJob first = queue.claim("w1", T0, LEASE).orElseThrow();
        queue.claim("w2", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        assertThat(queue.extend(first, T0.plus(LEASE).plus(LEASE))).isFalse();
    }

    @Test
    void theJobDueFirstIsClaimedFirst() {
        queue.enqueue(process(501), T0.plusSeconds(2));
        queue.enqueue(process(502), T0.plusSeconds(1));
        queue.enqueue(process(503), T0.plusSeconds(3));
        queue.enqueue(process(504), T0.plusSeconds(1));
        Instant later = T0.plusSeconds(5);

        List<Long> order = new ArrayList<>();
        for (Optional<ClaimedJob> next = queue.claim("w", later, LEASE); next.isPresent();
             next = queue.claim("w", later, LEASE)) {
            order.add(next.get().job().asset().value());
        }

        assertThat(order).containsExactly(502L, 504L, 501L, 503L);
    }

    @Test
    void retryAtPostponesTheJobAndCountsTheAttempt() {
        queue.enqueue(process(500), T0);
        ClaimedJob first = queue.claim("w1", T0, LEASE).orElseThrow();

        queue.retryAt(first, T0.plusSeconds(60), "storage unavailable");

        assertThat(queue.claim("w1", T0.plusSeconds(59), LEASE)).isEmpty();
        assertThat(queue.pending()).isEqualTo(1);
        ClaimedJob again = queue.claim("w2", T0.plusSeconds(60), LEASE).orElseThrow();
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.job()).isEqualTo(process(500));
    }

    @Test
    void doneAndGiveUpTakeJobsOutOfTheQueue() {
        queue.enqueue(process(500), T0);
        queue.enqueue(process(501), T0);
        ClaimedJob first = queue.claim("w1", T0, LEASE).orElseThrow();
        ClaimedJob second = queue.claim("w1", T0, LEASE).orElseThrow();
        assertThat(queue.pending()).isEqualTo(2);

        queue.done(first);
        assertThat(queue.pending()).isEqualTo(1);
        queue.giveUp(second, "media_unreadable");

        assertThat(queue.pending()).isZero();
        assertThat(queue.claim("w2", T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
    }

    @Test
    void aClaimOvertakenAfterItsLeaseCannotFinishTheJob() {
        queue.enqueue(process(500), T0);
        ClaimedJob stale = queue.claim("slow", T0, LEASE).orElseThrow();
        ClaimedJob current = queue.claim("fast", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        queue.done(stale);
        queue.retryAt(stale, T0, "late");
        queue.giveUp(stale, "late");

        assertThat(queue.pending()).isEqualTo(1);
        assertThat(queue.claim("other", T0.plus(LEASE).plusSeconds(2), LEASE)).isEmpty();
        queue.done(current);
        assertThat(queue.pending()).isZero();
    }

    @Test
    void concurrentWorkersTakeEachJobExactlyOnce() throws Exception {
        int jobs = 30;
        LongStream.rangeClosed(1, jobs).forEach(asset -> queue.enqueue(process(asset), T0));
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Callable<List<Long>>> claimers = IntStream.range(0, workers)
                    .<Callable<List<Long>>>mapToObj(worker -> () -> {
                        List<Long> taken = new ArrayList<>();
                        for (Optional<ClaimedJob> next = queue.claim("w" + worker, T0, LEASE); next.isPresent();
                             next = queue.claim("w" + worker, T0, LEASE)) {
                            taken.add(next.get().job().asset().value());
                        }
                        return taken;
                    }).toList();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : pool.invokeAll(claimers)) {
                all.addAll(result.get());
            }

            assertThat(all).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, jobs).boxed().toList());
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
