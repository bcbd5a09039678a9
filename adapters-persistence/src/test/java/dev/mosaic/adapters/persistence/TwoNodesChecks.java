package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.JobQueue.ClaimedJob;
import dev.mosaic.application.port.out.JobQueue.Job;
import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetMove;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes on one database, their threads let go at the same instant. */
abstract class TwoNodesChecks {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int POOL = 12;

    private PersistenceAdapter nodeA;
    private PersistenceAdapter nodeB;

    /** A new, empty database for this test, which several adapters may open at once. */
    protected abstract PersistenceSettings newDatabase(int maxPoolSize);

    @BeforeEach
    void startNodes() {
        PersistenceSettings database = newDatabase(POOL);
        nodeA = PersistenceAdapter.start(database);
        nodeB = PersistenceAdapter.start(database);
    }

    @AfterEach
    void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    private PersistenceAdapter node(int thread) {
        return thread % 2 == 0 ? nodeA : nodeB;
    }

    @Test
    void twentySimultaneousAppendsForOneUserAreNumberedOneToTwenty() throws Exception {
        List<Long> numbers = allAtOnce(20, thread -> () -> node(thread).transactions().inTransaction(() ->
                node(thread).eventLog().append(RECEIVER, update(100, 500 + thread, Stage.READY))));

        List<Long> oneToTwenty = LongStream.rangeClosed(1, 20).boxed().toList();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(oneToTwenty);
        List<LoggedFact> log = nodeB.eventLog().since(RECEIVER, 0, 100);
        assertThat(log).extracting(LoggedFact::sequence).containsExactlyElementsOf(oneToTwenty);
        assertThat(log).extracting(LoggedFact::fact).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20)
                .mapToObj(thread -> update(100, 500 + thread, Stage.READY)).toList());
        assertThat(nodeA.eventLog().lastSequence(RECEIVER)).isEqualTo(20);
    }

    @Test
    void ofTenSimultaneousCompletionsOfOneAssetOnTwoNodesExactlyOneMovesIt() throws Exception {
        Message album = message(100).with(asset(500)).build();
        nodeA.messages().add(album);
        Asset uploading = album.assets().get(0);

        List<Asset> answers = allAtOnce(10, thread -> () -> node(thread).transactions().inTransaction(() -> {
            Asset current = node(thread).messages().lockByAsset(uploading.id()).orElseThrow()
                    .asset(uploading.id()).orElseThrow();
            AssetMove move = current.complete(T0.plusMillis(thread + 1));
            if (move.moved()) {
                node(thread).messages().update(move.asset());
                return move.asset();
            }
            return null;
        }));

        List<Asset> winners = answers.stream().filter(java.util.Objects::nonNull).toList();
        assertThat(winners).hasSize(1);
        assertThat(nodeB.messages().byAsset(uploading.id()).orElseThrow().assets()).containsExactly(winners.get(0));
    }

    @Test
    void workersOnTwoNodesTakeEachJobOnce() throws Exception {
        nodeA.transactions().run(() -> LongStream.rangeClosed(1, 40).forEach(asset ->
                nodeA.jobQueue().enqueue(process(asset), T0)));

        List<List<Long>> taken = allAtOnce(2, thread -> () -> {
            List<Long> mine = new ArrayList<>();
            for (Optional<ClaimedJob> next = claim(thread); next.isPresent(); next = claim(thread)) {
                mine.add(next.get().job().asset().value());
                node(thread).jobQueue().done(next.get());
            }
            return mine;
        });

        assertThat(taken.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(nodeA.jobQueue().pending()).isZero();
    }

    @Test
    void theJobOfANodeThatDiedIsTakenByAnotherOnceItsLeaseRunsOut() {
        nodeA.jobQueue().enqueue(process(500), T0);
        ClaimedJob lost = nodeA.jobQueue().claim("node-a", T0, LEASE).orElseThrow();
        nodeA.close();

        assertThat(nodeB.jobQueue().claim("node-b", T0.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
        ClaimedJob retaken = nodeB.jobQueue().claim("node-b", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        assertThat(retaken.id()).isEqualTo(lost.id());
        assertThat(retaken.attempt()).isEqualTo(2);
        nodeB.jobQueue().done(retaken);
        assertThat(nodeB.jobQueue().pending()).isZero();
    }

    @Test
    void albumIdsDrawnOnTwoNodesAtOnceMoveEachSequenceOncePerIdAndRepeatNone() throws Exception {
        long messagesBefore = nodeA.ids().nextMessageId().value();
        long assetsBefore = nodeB.ids().nextAssetId().value();

        // 8 threads, 25 albums each, of 0 to 4 assets: 200 albums, 400 assets
        List<List<NewAlbumIds>> drawn = allAtOnce(8, thread -> () -> IntStream.range(0, 25)
                .mapToObj(album -> node(thread).ids().forAlbum((thread + album) % 5)).toList());

        List<NewAlbumIds> albums = drawn.stream().flatMap(List::stream).toList();
        // every value in between was handed out: no sequence moved for an id it did not answer
        assertThat(albums).extracting(album -> album.message().value()).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(messagesBefore + 1, messagesBefore + 200).boxed().toList());
        assertThat(albums.stream().flatMap(album -> album.assets().stream()).map(AssetId::value).toList())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(assetsBefore + 1, assetsBefore + 400).boxed().toList());
        assertThat(nodeB.ids().nextMessageId().value()).isEqualTo(messagesBefore + 201);
        assertThat(nodeA.ids().nextAssetId().value()).isEqualTo(assetsBefore + 401);
    }

    private Optional<ClaimedJob> claim(int thread) {
        return node(thread).jobQueue().claim("worker-" + thread, T0, LEASE);
    }

    private static Job process(long asset) {
        return new Job(JobQueue.Kind.PROCESS_ASSET, AssetId.of(asset));
    }

    /** Runs one task per thread, every thread starting its task when the last one is ready. */
    private static <T> List<T> allAtOnce(int threads, IntFunction<Callable<T>> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<T>> tasks = IntStream.range(0, threads).<Callable<T>>mapToObj(thread -> () -> {
                Callable<T> work = task.apply(thread);
                start.await(20, TimeUnit.SECONDS);
                return work.call();
            }).toList();
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
