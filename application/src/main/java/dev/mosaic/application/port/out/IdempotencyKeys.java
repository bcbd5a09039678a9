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

    /**
     * Links a reserved key to the message it made (inside the message's transaction). A key already completed keeps
     * its message: a request that took over an abandoned key never has its completion overwritten.
     */
    void complete(UserId user, String key, MessageId message);

    /**
     * Frees a reserved key whose request did not commit; a completed key stays. A request that failed may still have
     * committed (the connection lost after the commit left the server): its key then answers the retry with the
     * message it made instead of letting the retry make a second one.
     */
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
