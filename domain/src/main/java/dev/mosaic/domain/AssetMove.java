package dev.mosaic.domain;

import java.util.Objects;

/** What a transition of an {@link Asset} answers: the next asset, or why the asset stays as it is. */
public sealed interface AssetMove {

    /** The asset after the move; the caller stores it. */
    record Moved(Asset asset) implements AssetMove {
        public Moved {
            Objects.requireNonNull(asset, "asset");
        }
    }

    /** The move does not apply; {@code asset} is unchanged. */
    record Refused(Asset asset, Why why) implements AssetMove {
        public Refused {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(why, "why");
        }
    }

    enum Why {
        /** The asset made this move already, or went past it: its current state is the answer. */
        ALREADY_DONE,
        /** The move is not possible from the asset's stage (or not yet, for an expiry not due). */
        NOT_ALLOWED
    }

    /** The asset as it is after this answer, moved or not. */
    Asset asset();

    default boolean moved() {
        return this instanceof Moved;
    }
}
