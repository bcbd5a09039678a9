package dev.mosaic.application.port.out;

import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Remembers batch requests by the client's {@code Idempotency-Key}. */
public interface IdempotencyKeys {

    /** Claims the key for a request; false when the user already used it. */
    boolean reserve(UserId user, String key, String fingerprint, Instant now);

    /** Links a reserved key to the message it made (inside the message's transaction). */
    void complete(UserId user, String key, MessageId message);

    /** Frees a reserved key whose request failed. */
    void release(UserId user, String key);

    Optional<Entry> find(UserId user, String key);

    /** @param message the message the request made; empty while the first request is still running */
    record Entry(String fingerprint, Optional<MessageId> message, Instant createdAt) {
        public Entry {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }
}
