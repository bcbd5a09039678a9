package dev.mosaic.application.contract;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.IdempotencyKeys.Entry;
import dev.mosaic.domain.MessageId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyKeys} must do; subclasses supply a fresh, empty store per test. */
public abstract class IdempotencyKeysContract {
    private Ports ports;
    private IdempotencyKeys keys;

    protected abstract Ports newPorts();

    @BeforeEach
    void openStore() {
        ports = newPorts();
        keys = ports.idempotencyKeys();
    }

    @AfterEach
    void closeStore() {
        ports.close();
    }

    @Test
    void aFreshKeyIsReservedWithoutAMessageYet() {
        assertThat(keys.reserve(SENDER, "k-1", "sha256:aa", T0)).isTrue();

        assertThat(keys.find(SENDER, "k-1")).contains(new Entry("sha256:aa", Optional.empty(), T0));
    }

    @Test
    void reservingAKeyTwiceIsRefusedAndKeepsTheFirstRequest() {
        keys.reserve(SENDER, "k-1", "sha256:aa", T0);

        assertThat(keys.reserve(SENDER, "k-1", "sha256:bb", T0.plusSeconds(1))).isFalse();

        assertThat(keys.find(SENDER, "k-1")).contains(new Entry("sha256:aa", Optional.empty(), T0));
    }

    @Test
    void keysBelongToTheirUser() {
        keys.reserve(SENDER, "k-1", "sha256:aa", T0);

        assertThat(keys.reserve(RECEIVER, "k-1", "sha256:bb", T0)).isTrue();
        assertThat(keys.find(RECEIVER, "k-1")).contains(new Entry("sha256:bb", Optional.empty(), T0));
        assertThat(keys.find(RECEIVER, "k-2")).isEmpty();
    }

    @Test
    void completingLinksTheKeyToItsMessage() {
        keys.reserve(SENDER, "k-1", "sha256:aa", T0);

        ports.transactions().run(() -> keys.complete(SENDER, "k-1", MessageId.of(100)));

        assertThat(keys.find(SENDER, "k-1")).contains(new Entry("sha256:aa", Optional.of(MessageId.of(100)), T0));
        assertThat(keys.reserve(SENDER, "k-1", "sha256:aa", T0)).isFalse();
    }

    @Test
    void aReleasedKeyCanBeReservedAgain() {
        keys.reserve(SENDER, "k-1", "sha256:aa", T0);

        keys.release(SENDER, "k-1");

        assertThat(keys.find(SENDER, "k-1")).isEmpty();
        assertThat(keys.reserve(SENDER, "k-1", "sha256:bb", T0.plusSeconds(5))).isTrue();
        assertThat(keys.find(SENDER, "k-1")).contains(new Entry("sha256:bb", Optional.empty(), T0.plusSeconds(5)));
    }

    /** A request that failed after its commit (the connection lost on the way back) must not free its key. */
    @Test
    void releasingACompletedKeyKeepsTheKeyAndItsMessage() {
        keys.reserve(SENDER, "k-1", "sha256:aa", T0);
        ports.transactions().run(() -> keys.complete(SENDER, "k-1", MessageId.of(100)));

        keys.release(SENDER, "k-1");

        assertThat(keys.find(SENDER, "k-1")).contains(new Entry("sha256:aa", Optional.of(MessageId.of(100)), T0));
        assertThat(keys.reserve(SENDER, "k-1", "sha256:aa", T0.plusSeconds(5))).isFalse();
    }

    /** Two requests that both believe they hold the key (one took it over as abandoned): the first completion stays. */
    @Test
    void completingACompletedKeyKeepsItsFirstMessage() {
        keys.reserve(SENDER, "k-1", "sha256:aa", T0);
        ports.transactions().run(() -> keys.complete(SENDER, "k-1", MessageId.of(100)));

        ports.transactions().run(() -> keys.complete(SENDER, "k-1", MessageId.of(200)));

        assertThat(keys.find(SENDER, "k-1")).contains(new Entry("sha256:aa", Optional.of(MessageId.of(100)), T0));
    }

    @Test
    void ofConcurrentReservationsOfOneKeyExactlyOneWins() throws Exception {
        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> racers = IntStream.range(0, threads)
                    .<Callable<Boolean>>mapToObj(n -> () -> keys.reserve(SENDER, "race", "sha256:" + n, T0))
                    .toList();
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(racers)) {
                winners += result.get() ? 1 : 0;
            }

            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
