package dev.mosaic.application.event;

import dev.mosaic.domain.UserId;

/** An event as delivered to one recipient, rendered from a {@link LoggedFact}, with its sequence number. */
public record StoredEvent(UserId recipient, long sequence, Event event) {
}
