package dev.mosaic.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.domain.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InProcessNotifierTest {

    @Test
    void everySubscriberHearsOfEveryUserWithNewEvents() {
        try (InProcessNotifier notifier = new InProcessNotifier()) {
            Set<UserId> first = ConcurrentHashMap.newKeySet();
            Set<UserId> second = ConcurrentHashMap.newKeySet();
            notifier.subscribe(first::addAll);
            notifier.subscribe(second::addAll);

            notifier.published(List.of(UserId.of(1), UserId.of(42)));
            notifier.published(List.of(UserId.of(7)));

            await().atMost(Duration.ofSeconds(5)).until(() -> first.size() == 3 && second.size() == 3);
            assertThat(first).containsExactlyInAnyOrder(UserId.of(1), UserId.of(42), UserId.of(7));
        }
    }

    @Test
    void aSlowSubscriberNeverBlocksThePublisherAndSignalsAreMerged() throws Exception {
        try (InProcessNotifier notifier = new InProcessNotifier()) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger calls = new AtomicInteger();
            Set<UserId> seen = ConcurrentHashMap.newKeySet();
            notifier.subscribe(users -> {
                calls.incrementAndGet();
                seen.addAll(users);
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });

            notifier.published(List.of(UserId.of(1)));
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
            for (int i = 2; i <= 50; i++) {
                notifier.published(List.of(UserId.of(i)));
            }
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 50);
            assertThat(calls.get()).isEqualTo(2);
        }
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        try (InProcessNotifier notifier = new InProcessNotifier()) {
            Set<UserId> seen = ConcurrentHashMap.newKeySet();
            notifier.subscribe(users -> {
                throw new IllegalStateException("socket gone");
            });
            notifier.subscribe(seen::addAll);
            notifier.published(List.of(UserId.of(3)));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains(UserId.of(3)));
        }
    }
}
