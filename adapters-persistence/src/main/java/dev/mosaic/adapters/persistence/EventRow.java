package dev.mosaic.adapters.persistence;

/**
 * One row of {@code events}: the event's type name and its data as JSON.
 * Public only because JDBI maps to public types; used in this package alone.
 */
public record EventRow(long recipientId, long seq, String eventType, String payload) {
}
