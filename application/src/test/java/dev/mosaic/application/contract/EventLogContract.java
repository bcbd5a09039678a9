package dev.mosaic.application.contract;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.STRANGER;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.Rendition;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventLog} must do; subclasses supply a fresh, empty store per test. */
public abstract class EventLogContract {
    private Ports ports;
    private EventLog log;

    protected abstract Ports newPorts();

    @BeforeEach
    void openStore() {
        ports = newPorts();
        log = ports.eventLog();
    }

    @AfterEach
    void closeStore() {
        ports.close();
    }

    private long appendInTransaction(UserId recipient, Fact fact) {
        return ports.transactions().inTransaction(() -> log.append(recipient, fact));
    }

    @Test
    void eachUserCountsFromOneWithoutGaps() {
        assertThat(log.append(SENDER, update(100, 500, Stage.PROCESSING))).isEqualTo(1);
        assertThat(appendInTransaction(SENDER, update(100, 500, Stage.READY))).isEqualTo(2);
        assertThat(log.append(SENDER, update(100, 501, Stage.READY))).isEqualTo(3);
    }

    @Test
    void usersAreNumberedIndependently() {
        log.append(SENDER, update(100, 500, Stage.PROCESSING));
        log.append(SENDER, update(100, 500, Stage.READY));

        assertThat(log.append(RECEIVER, update(100, 500, Stage.READY))).isEqualTo(1);
        assertThat(log.lastSequence(SENDER)).isEqualTo(2);
        assertThat(log.lastSequence(RECEIVER)).isEqualTo(1);
        assertThat(log.lastSequence(STRANGER)).isZero();
        assertThat(log.since(STRANGER, 0, 10)).isEmpty();
    }

    @Test
    void appendingToEachNumbersEveryRecipientOnFromItsOwnLast() {
        log.append(RECEIVER, update(100, 500, Stage.PROCESSING));
        log.append(RECEIVER, update(100, 500, Stage.READY));
        Fact fact = update(100, 501, Stage.READY);

        ports.transactions().run(() -> log.appendToEach(List.of(SENDER, RECEIVER), fact));

        assertThat(log.since(SENDER, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L);
        assertThat(log.since(RECEIVER, 2, 10)).singleElement()
                .satisfies(logged -> assertThat(logged.fact()).isEqualTo(fact))
                .extracting(LoggedFact::sequence).isEqualTo(3L);
        assertThat(log.since(SENDER, 0, 10).get(0).fact()).isEqualTo(fact);
    }

    @Test
    void twoUsersFirstEventsInOneAppendAreEachOne() {
        Fact fact = update(100, 500, Stage.UPLOADING);

        ports.transactions().run(() -> log.appendToEach(List.of(SENDER, RECEIVER), fact));
        ports.transactions().run(() -> log.appendToEach(List.of(SENDER, RECEIVER), update(100, 500, Stage.READY)));

        assertThat(log.since(SENDER, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L, 2L);
        assertThat(log.since(RECEIVER, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L, 2L);
        assertThat(log.since(RECEIVER, 0, 10).get(0).fact()).isEqualTo(fact);
        assertThat(log.lastSequence(STRANGER)).isZero();
    }

    @Test
    void aRecipientNamedTwiceGetsTheFactOnceWhateverTheOrder() {
        log.append(SENDER, update(100, 500, Stage.PROCESSING));

        ports.transactions().run(() -> log.appendToEach(List.of(RECEIVER, SENDER, RECEIVER), update(100, 500, Stage.READY)));

        assertThat(log.since(RECEIVER, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L);
        assertThat(log.since(SENDER, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L, 2L);
    }

    @Test
    void lastSequencesAnswersTheNewestOfEachRecipientAskedAndNothingForOneWithoutEvents() {
        log.append(SENDER, update(100, 500, Stage.PROCESSING));
        log.append(SENDER, update(100, 500, Stage.READY));
        log.append(RECEIVER, update(100, 500, Stage.READY));
        UserId far = UserId.of(3_400);
        for (int i = 0; i < 3; i++) {
            log.append(far, update(100, 500 + i, Stage.READY));
        }
        log.append(UserId.of(9_999), update(100, 500, Stage.READY));
        List<UserId> asked = new ArrayList<>(List.of(SENDER, RECEIVER, STRANGER));
        LongStream.rangeClosed(1_000, 3_500).mapToObj(UserId::of).forEach(asked::add);

        assertThat(log.lastSequences(asked)).as("many users, beyond any batch an adapter reads them in")
                .containsOnly(Map.entry(SENDER, 2L), Map.entry(RECEIVER, 1L), Map.entry(far, 3L));
        assertThat(log.lastSequences(List.of(STRANGER))).isEmpty();
        assertThat(log.lastSequences(List.of())).isEmpty();
    }

    @Test
    void sinceAnswersLaterEventsInOrderUpToTheLimit() {
        for (long asset = 1; asset <= 5; asset++) {
            log.append(SENDER, update(100, asset, Stage.READY));
        }
        log.append(RECEIVER, update(100, 9, Stage.READY));

        List<LoggedFact> page = log.since(SENDER, 2, 2);

        assertThat(page).extracting(LoggedFact::sequence).containsExactly(3L, 4L);
        assertThat(page).extracting(LoggedFact::recipient).containsOnly(SENDER);
        assertThat(page.get(0).fact()).isEqualTo(update(100, 3, Stage.READY));
        assertThat(log.since(SENDER, 0, 100)).extracting(LoggedFact::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(log.since(SENDER, 5, 100)).isEmpty();
    }

    @Test
    void everyKindOfFactReadsBackEqual() {
        Message album = message(100).with(asset(500),
                asset(501).video().multipart().at(Stage.TRANSCODING, 42)
                        .withInfo(new MediaInfo(1920, 1080, 12_500L, "LEHV6nWB2yk8pyo0adR*.7kCMdnj"))
                        .withRendition(Rendition.Kind.THUMBNAIL, ContentType.WEBP, 320, 180)
                        .withRendition(Rendition.Kind.PLAYBACK, ContentType.MP4, 1280, 720),
                asset(502).named("clip «1».pdf", new ContentType("application/pdf")).failed("media_unreadable")).build();
        List<Fact> facts = List.of(
                new Fact.AlbumSent(album),
                new Fact.AssetChanged(album.assets().get(1)),
                new Fact.AssetChanged(album.assets().get(2)),
                new Fact.AlbumSettled(album));
        facts.forEach(fact -> log.append(RECEIVER, fact));

        assertThat(log.since(RECEIVER, 0, 10)).extracting(LoggedFact::fact).containsExactlyElementsOf(facts);
    }

    /**
     * Albums both ways between two users, from their very first events on: in the first pair neither has a counter
     * (the first appends race to start both), in the others the lower-numbered one has one event already (the first
     * appends find one counter and must start the other). Whatever order the recipients come in, no two transactions
     * deadlock on the counters, and each user gets every fact once, numbered 1, 2, 3….
     */
    @Test
    void concurrentAppendsToTwoUsersInBothOrdersFromTheirFirstEventsLoseNothing() throws Exception {
        int threads = 6;
        int perThread = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (long pair = 0; pair < 3; pair++) {
                UserId one = UserId.of(5_000 + 2 * pair);
                UserId other = UserId.of(5_001 + 2 * pair);
                Fact primer = update(99, 1, Stage.UPLOADING);
                boolean primed = pair > 0;
                if (primed) {
                    log.append(one, primer);
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Void>> writers = IntStream.range(0, threads)
                        .<Callable<Void>>mapToObj(thread -> () -> {
                            start.await();
                            for (int i = 0; i < perThread; i++) {
                                List<UserId> recipients = (thread + i) % 2 == 0 ? List.of(one, other) : List.of(other, one);
                                Fact fact = update(100, thread * 100L + i + 1, Stage.READY);
                                ports.transactions().run(() -> log.appendToEach(recipients, fact));
                            }
                            return null;
                        }).toList();
                List<Future<Void>> results = writers.stream().map(pool::submit).toList();
                start.countDown();
                for (Future<Void> result : results) {
                    result.get(60, TimeUnit.SECONDS);
                }

                List<LoggedFact> ofOne = log.since(one, 0, 1_000);
                List<LoggedFact> ofOther = log.since(other, 0, 1_000);
                int primers = primed ? 1 : 0;
                assertThat(ofOne).extracting(LoggedFact::sequence).containsExactlyElementsOf(
                        LongStream.rangeClosed(1, threads * perThread + primers).boxed().toList());
                assertThat(ofOther).extracting(LoggedFact::sequence)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
                if (primed) {
                    assertThat(ofOne.get(0).fact()).isEqualTo(primer);
                }
                assertThat(ofOne.subList(primers, ofOne.size())).extracting(LoggedFact::fact).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(ofOther.stream().map(LoggedFact::fact).toList());
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void concurrentAppendsGetDistinctGapFreeNumbers() throws Exception {
        int threads = 20;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Long>>> writers = IntStream.range(0, threads)
                    .<Callable<List<Long>>>mapToObj(thread -> () -> {
                        List<Long> numbers = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            UserId recipient = i % 2 == 0 ? SENDER : RECEIVER;
                            Fact fact = update(100, thread * 100L + i + 1, Stage.READY);
                            numbers.add(recipient.value() * 1_000_000 + appendInTransaction(recipient, fact));
                        }
                        return numbers;
                    }).toList();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : pool.invokeAll(writers)) {
                all.addAll(result.get());
            }

            long each = threads * perThread / 2;
            assertThat(all).doesNotHaveDuplicates().hasSize(threads * perThread);
            assertThat(log.since(SENDER, 0, 1_000)).extracting(LoggedFact::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, each).boxed().toList());
            assertThat(log.lastSequence(RECEIVER)).isEqualTo(each);
            assertThat(log.since(RECEIVER, 0, 1_000)).hasSize((int) each);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
