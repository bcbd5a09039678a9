package dev.mosaic.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.Leases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link Leases} must do; subclasses supply a fresh store per test. */
public abstract class LeasesContract {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final Duration TTL = Duration.ofMinutes(2);

    protected abstract Leases leases();

    @Test
    void aFreeLeaseIsTakenAndTheHolderMayRenewIt() {
        Leases leases = leases();
        assertThat(leases.tryAcquire("janitor", "node-a", T0, TTL)).isTrue();
        assertThat(leases.tryAcquire("janitor", "node-a", T0.plusSeconds(60), TTL)).isTrue();
    }

    @Test
    void anotherHolderWaitsUntilTheLeaseRunsOut() {
        Leases leases = leases();
        leases.tryAcquire("janitor", "node-a", T0, TTL);
        assertThat(leases.tryAcquire("janitor", "node-b", T0.plusSeconds(119), TTL)).isFalse();
        assertThat(leases.tryAcquire("janitor", "node-b", T0.plusSeconds(121), TTL)).isTrue();
        assertThat(leases.tryAcquire("janitor", "node-a", T0.plusSeconds(122), TTL)).isFalse();
    }

    @Test
    void leasesOfOtherNamesAreIndependent() {
        Leases leases = leases();
        leases.tryAcquire("janitor", "node-a", T0, TTL);
        assertThat(leases.tryAcquire("reports", "node-b", T0, TTL)).isTrue();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderMayReleaseIt() {
        Leases leases = leases();
        leases.tryAcquire("complete-5", "request-a", T0, TTL);

        leases.release("complete-5", "request-b");
        assertThat(leases.tryAcquire("complete-5", "request-b", T0.plusSeconds(1), TTL)).isFalse();

        leases.release("complete-5", "request-a");
        assertThat(leases.tryAcquire("complete-5", "request-b", T0.plusSeconds(2), TTL)).isTrue();
        leases.release("complete-5", "request-b");
        leases.release("complete-5", "request-b");
        assertThat(leases.tryAcquire("complete-5", "request-c", T0.plusSeconds(3), TTL)).isTrue();
    }
}
