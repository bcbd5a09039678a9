package dev.mosaic.application.service;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.Leases;
import dev.mosaic.domain.AssetId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One completion of an upload at a time, on every node: the others wait for it (they do not join the
 * parts a second time, which the store would answer with "no such upload") and then answer what it
 * made of the asset. The claim is a lease, so a node that dies mid-completion holds it only for a while.
 */
final class CompletionClaims {

    /** Longer than any join and check of one upload takes; a dead holder's claim is free after this. */
    static final Duration CLAIM = Duration.ofMinutes(10);
    static final Duration POLL = Duration.ofMillis(50);
    /** How long a waiting completion waits before telling its client to try again. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Leases leases;
    private final Clock clock;
    private final Duration patience;

    CompletionClaims(Leases leases, Clock clock) {
        this(leases, clock, PATIENCE);
    }

    CompletionClaims(Leases leases, Clock clock, Duration patience) {
        this.leases = leases;
        this.clock = clock;
        this.patience = patience;
    }

    /**
     * Runs {@code work} while holding the claim on this asset's completion.
     *
     * @param settled what another completion made of the asset, or empty while it is still uploading;
     *                asked while waiting and once the claim is ours
     */
    <T> T exclusively(AssetId asset, Supplier<Optional<T>> settled, Supplier<T> work) {
        String claim = "complete-" + asset.value();
        String holder = UUID.randomUUID().toString();
        long rounds = patience.toMillis() / POLL.toMillis();
        for (long round = 0; !leases.tryAcquire(claim, holder, clock.instant(), CLAIM); round++) {
            Optional<T> answer = settled.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (round >= rounds) {
                throw new RequestRejected(Reason.CONFLICT, "completion_in_progress",
                        "another completion of this upload is still running; try again shortly");
            }
            pause();
        }
        try {
            return settled.get().orElseGet(work);
        } finally {
            leases.release(claim, holder);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another completion", interrupted);
        }
    }
}
