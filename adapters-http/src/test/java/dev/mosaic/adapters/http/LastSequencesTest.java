package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.domain.UserId;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LastSequencesTest {

    static final UserId ALICE = UserId.of(1);
    static final UserId BOB = UserId.of(2);

    private final LastSequences known = new LastSequences(3);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aReadIsKeptUntilADeliveryNamesTheUser() {
        assertThat(known.known(ALICE)).isEmpty();
        assertThat(known.read(ALICE, user -> reads.incrementAndGet() + 6L)).isEqualTo(7);
        assertThat(known.known(ALICE)).hasValue(7);
        assertThat(known.known(BOB)).isEmpty();

        known.forget(BOB);
        assertThat(known.known(ALICE)).hasValue(7);
        known.forget(ALICE);
        assertThat(known.known(ALICE)).isEmpty();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadThatADeliveryOvertookIsNotKept() {
        known.read(ALICE, user -> {
            known.forget(ALICE);
            return 7;
        });

        assertThat(known.known(ALICE)).isEmpty();
    }

    @Test
    void aReadThatAResyncOvertookIsNotKept() {
        known.read(ALICE, user -> {
            known.forgetAll();
            return 7;
        });

        assertThat(known.known(ALICE)).isEmpty();
    }

    @Test
    void ofTwoFillsOnlyTheOneBegunLastIsKept() {
        long first = known.begin(ALICE);
        long second = known.begin(ALICE);

        known.fill(ALICE, first, 5);
        assertThat(known.known(ALICE)).isEmpty();
        known.fill(ALICE, second, 6);
        assertThat(known.known(ALICE)).hasValue(6);
    }

    @Test
    void aFillAfterTheUserWasForgottenIsNotKept() {
        long stamp = known.begin(ALICE);
        known.forget(ALICE);
        known.fill(ALICE, stamp, 5);

        assertThat(known.known(ALICE)).isEmpty();
        long again = known.begin(ALICE);
        known.fill(ALICE, again, 5);
        assertThat(known.known(ALICE)).hasValue(5);
    }

    @Test
    void aResyncForgetsEveryone() {
        known.read(ALICE, user -> 1);
        known.read(BOB, user -> 2);

        known.forgetAll();

        assertThat(known.known(ALICE)).isEmpty();
        assertThat(known.known(BOB)).isEmpty();
        assertThat(known.size()).isZero();
    }

    @Test
    void whenFullItStartsAfresh() {
        for (long user = 1; user <= 3; user++) {
            known.read(UserId.of(user), owner -> 1);
        }
        assertThat(known.size()).isEqualTo(3);

        known.read(UserId.of(4), owner -> 9);

        assertThat(known.size()).isEqualTo(1);
        assertThat(known.known(UserId.of(4))).hasValue(9);
        assertThat(known.known(ALICE)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new LastSequences(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
