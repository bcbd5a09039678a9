package dev.mosaic.adapters.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How long a cloud store's signed URL lives: SigV4 and GCS V4 both count whole seconds, from 1 s to 7 days. */
public final class SignatureValidity {

    /** The longest validity SigV4 and V4 signing allow. */
    public static final Duration MAX = Duration.ofDays(7);
    private static final Duration MIN = Duration.ofSeconds(1);

    private final Clock clock;

    public SignatureValidity(Clock clock) {
        this.clock = clock;
    }

    /** Whole seconds until {@code expiresAt}, at least one, at most {@link #MAX}. */
    public Duration until(Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative() || left.isZero()) {
            throw new IllegalArgumentException("a URL that expires at " + expiresAt + " would be dead on arrival");
        }
        if (left.compareTo(MIN) < 0) {
            return MIN;
        }
        Duration capped = left.compareTo(MAX) > 0 ? MAX : left;
        return Duration.ofSeconds(capped.toSeconds());
    }
}
