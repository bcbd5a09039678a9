package dev.mosaic.adapters.persistence;

import java.time.Instant;

/** One row of {@code idempotency_keys}; {@code messageId} null until the request completes. */
record IdempotencyRow(String fingerprint, Long messageId, Instant createdAt) {
}
