package dev.mosaic.application.event;

import dev.mosaic.domain.UserId;

/** A fact as logged for one recipient, with its per-user sequence number. */
public record LoggedFact(UserId recipient, long sequence, Fact fact) {
}
