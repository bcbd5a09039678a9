package dev.mosaic.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which quota a request would exceed, its limit, and when room frees up by itself (an upload's deadline, the
 * oldest album of the window leaving it); completing or cancelling an upload frees pending room at once.
 */
public record QuotaBreach(Quota quota, long limit, Optional<Instant> freesAt) {

    public QuotaBreach {
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(freesAt, "freesAt");
    }

    public enum Quota {
        PENDING_UPLOADS("pending_uploads"),
        PENDING_BYTES("pending_bytes"),
        ALBUMS_PER_DAY("albums_per_day");

        private final String wireName;

        Quota(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Says which quota, its limit, and how room is made: for the client. */
    public String detail() {
        String when = freesAt.map(at -> "; room frees up at " + at).orElse("");
        return switch (quota) {
            case PENDING_UPLOADS -> "quota pending_uploads: at most " + limit
                    + " uploads may wait for their bytes at once; complete or cancel some" + when;
            case PENDING_BYTES -> "quota pending_bytes: at most " + limit
                    + " declared bytes may wait for their upload at once; complete or cancel some" + when;
            case ALBUMS_PER_DAY -> "quota albums_per_day: at most " + limit + " albums in 24 hours" + when;
        };
    }
}
