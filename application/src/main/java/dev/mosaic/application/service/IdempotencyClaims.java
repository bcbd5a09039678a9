package dev.mosaic.application.service;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UserId;
import java.time.Clock;
import java.time.Duration;

/** A client's {@code Idempotency-Key}: claimed by the first request, answered again for the same request. */
final class IdempotencyClaims {
    /** A claimed key whose request has not committed after this long is taken over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final IdempotencyKeys keys;
    private final Clock clock;

    IdempotencyClaims(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Claims the key; a claim whose request died before committing (the process was killed, say)
     * is taken over once it is older than {@link #ABANDONED_AFTER}, so the key is never stuck.
     */
    boolean claim(UserId user, String key, String fingerprint) {
        if (keys.reserve(user, key, fingerprint, clock.instant())) {
            return true;
        }
        boolean abandoned = keys.find(user, key)
                .filter(entry -> entry.message().isEmpty())
                .filter(entry -> entry.createdAt().isBefore(clock.instant().minus(ABANDONED_AFTER)))
                .isPresent();
        if (!abandoned) {
            return false;
        }
        keys.release(user, key);
        return keys.reserve(user, key, fingerprint, clock.instant());
    }

    /** The message the first request with this key made, when this request is the same one. */
    MessageId replayed(UserId user, String key, String fingerprint) {
        IdempotencyKeys.Entry entry = keys.find(user, key).orElseThrow(IdempotencyClaims::inProgress);
        if (!entry.fingerprint().equals(fingerprint)) {
            throw new RequestRejected(Reason.UNPROCESSABLE, "idempotency_key_reused",
                    "this Idempotency-Key was used for a different request");
        }
        return entry.message().orElseThrow(IdempotencyClaims::inProgress);
    }

    /** Links the claimed key to what its request made, inside that request's transaction. */
    void complete(UserId user, String key, MessageId message) {
        keys.complete(user, key, message);
    }

    /** The request failed: its key may be used again, unless the request completed it (committed after all). */
    void release(UserId user, String key) {
        keys.release(user, key);
    }

    private static RequestRejected inProgress() {
        return new RequestRejected(Reason.CONFLICT, "idempotency_key_in_progress",
                "a request with this Idempotency-Key is still running");
    }
}
