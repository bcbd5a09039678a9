package dev.mosaic.application.event;

import dev.mosaic.domain.UserId;

/** An event as logged for one recipient, with its per-user sequence number. */
public record StoredEvent(UserId recipient, long sequence, Event event) {
}
