package dev.mosaic.adapters.persistence;

import java.time.Instant;

/**
 * One row of {@code messages}.
 * Public only because JDBI binds the methods of public types; used in this package alone.
 */
public record MessageRow(long id, long senderId, long receiverId, String body, Instant createdAt) {
}
