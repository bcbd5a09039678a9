package dev.mosaic.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.domain.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes on one database, each with its notifier and what its subscribers heard. */
class PostgresNotifierTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<PostgresNotifier> started = new ArrayList<>();
    private String url;
    private Node nodeA;
    private Node nodeB;

    private record Node(PostgresNotifier notifier, Set<UserId> heard, AtomicInteger resyncs,
                        List<ProgressNote> progress) {
    }

    @BeforeEach
    void startNodes() {
        url = PostgresServer.freshDatabaseUrl();
        nodeA = node();
        nodeB = node();
    }

    @AfterEach
    void stopNodes() {
        started.forEach(PostgresNotifier::close);
    }

    private Node node() {
        PostgresNotifier notifier = PostgresNotifier.start(url, PostgresServer.user(), PostgresServer.password());
        started.add(notifier);
        Set<UserId> heard = ConcurrentHashMap.newKeySet();
        AtomicInteger resyncs = new AtomicInteger();
        notifier.subscribe(heard::addAll);
        notifier.onResync(resyncs::incrementAndGet);
        List<ProgressNote> progress = new CopyOnWriteArrayList<>();
        notifier.subscribeProgress(progress::add);
        return new Node(notifier, heard, resyncs, progress);
    }

    private static List<UserId> users(long first, long last) {
        return LongStream.rangeClosed(first, last).mapToObj(UserId::of).toList();
    }

    @Test
    void aPublishOnOneNodeReachesTheSubscribersOfEveryNodeItsOwnIncluded() {
        nodeA.notifier().published(users(1, 2));

        await().atMost(PATIENCE).until(() -> nodeA.heard().size() == 2 && nodeB.heard().size() == 2);
        assertThat(nodeB.heard()).containsExactlyInAnyOrderElementsOf(users(1, 2));
        assertThat(nodeA.heard()).containsExactlyInAnyOrderElementsOf(users(1, 2));
    }

    @Test
    void progressBroadcastOnOneNodeReachesTheOthersButNotItselfAndNotTheEventSubscribers() throws Exception {
        ProgressNote note = new ProgressNote(77, 42, users(1, 2));

        nodeA.notifier().broadcast(note);

        await().atMost(PATIENCE).until(() -> !nodeB.progress().isEmpty());
        nodeB.notifier().published(users(5, 5));
        await().atMost(PATIENCE).until(() -> nodeA.heard().contains(UserId.of(5)));
        assertThat(nodeB.progress()).containsExactly(note);
        assertThat(nodeA.progress()).as("its own note: relayed by its gateway already").isEmpty();
        assertThat(nodeB.heard()).containsExactly(UserId.of(5));
    }

    @Test
    void onlyTheLatestProgressOfAnAssetWaitsToBeSent() {
        for (int percent = 0; percent <= 100; percent++) {
            nodeA.notifier().broadcast(new ProgressNote(78, percent, users(1, 2)));
        }

        await().atMost(PATIENCE).until(() -> nodeB.progress().stream().anyMatch(note -> note.progress() == 100));
        assertThat(nodeB.progress()).extracting(ProgressNote::progress).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void moreUsersThanOneNotificationHoldsArriveInSeveral() {
        List<UserId> many = users(1_000_000_000L, 1_000_003_000L);

        nodeA.notifier().published(many);

        await().atMost(PATIENCE).until(() -> nodeB.heard().size() == many.size());
        assertThat(nodeB.heard()).containsExactlyInAnyOrderElementsOf(many);
    }

    @Test
    void aNodeWhoseListeningConnectionIsCutListensAgainResyncsAndHearsLaterPublishes() {
        int lost = nodeB.notifier().listenerBackendPid();

        assertThat(PostgresServer.terminate(lost)).isTrue();

        await().atMost(PATIENCE).until(() -> nodeB.resyncs().get() == 1);
        assertThat(nodeB.notifier().listenerBackendPid()).isNotIn(0, lost);
        assertThat(nodeA.resyncs()).hasValue(0);
        nodeA.notifier().published(users(7, 7));
        await().atMost(PATIENCE).until(() -> nodeB.heard().contains(UserId.of(7)));
    }

    @Test
    void aPublishWhoseSendingConnectionWasCutIsSentOnANewOne() {
        nodeA.notifier().published(users(1, 1));
        await().atMost(PATIENCE).until(() -> nodeB.heard().contains(UserId.of(1)));
        int lost = nodeA.notifier().senderBackendPid();
        assertThat(PostgresServer.terminate(lost)).isTrue();

        nodeA.notifier().published(users(9, 9));

        await().atMost(PATIENCE).until(() -> nodeB.heard().contains(UserId.of(9)));
        assertThat(nodeA.notifier().senderBackendPid()).isNotIn(0, lost);
    }

    @Test
    void aResyncHookThatFailsNeitherStopsTheOthersNorTheListener() {
        AtomicInteger after = new AtomicInteger();
        nodeB.notifier().onResync(() -> {
            throw new IllegalStateException("a broken hook");
        });
        nodeB.notifier().onResync(after::incrementAndGet);

        PostgresServer.terminate(nodeB.notifier().listenerBackendPid());

        await().atMost(PATIENCE).until(() -> after.get() == 1);
        nodeA.notifier().published(users(5, 5));
        await().atMost(PATIENCE).until(() -> nodeB.heard().contains(UserId.of(5)));
    }

    @Test
    void aClosedNotifierLetsGoOfItsConnectionsAndHearsNoMore() {
        Node closing = node();
        closing.notifier().published(users(3, 3));
        await().atMost(PATIENCE).until(() -> closing.heard().contains(UserId.of(3)));
        int listener = closing.notifier().listenerBackendPid();
        int sender = closing.notifier().senderBackendPid();

        closing.notifier().close();

        await().atMost(PATIENCE).until(() -> !PostgresServer.isAlive(listener) && !PostgresServer.isAlive(sender));
        nodeA.notifier().published(users(4, 4));
        await().atMost(PATIENCE).until(() -> nodeB.heard().contains(UserId.of(4)));
        assertThat(closing.heard()).doesNotContain(UserId.of(4));
    }

    @Test
    void anUnreachableDatabaseFailsTheStart() {
        String nowhere = url.substring(0, url.lastIndexOf('/') + 1) + "no_such_database";

        assertThatThrownBy(() -> PostgresNotifier.start(nowhere, PostgresServer.user(), PostgresServer.password()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such_database");
    }

    @Test
    void onlyAPostgresqlUrlIsAccepted() {
        assertThatThrownBy(() -> PostgresNotifier.start("jdbc:h2:mem:x", "sa", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void publishingNobodySendsNothing() {
        Collection<UserId> nobody = List.of();

        nodeA.notifier().published(nobody);
        nodeA.notifier().published(users(8, 8));

        await().atMost(PATIENCE).until(() -> nodeB.heard().contains(UserId.of(8)));
        assertThat(nodeB.heard()).containsExactly(UserId.of(8));
    }
}
