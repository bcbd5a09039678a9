package dev.mosaic.application.port.in;

import dev.mosaic.application.event.StoredEvent;
import dev.mosaic.domain.UserId;
import java.util.List;

/** A user's own events, for live delivery and for catching up after a reconnect. */
public interface ReadEventsUseCase {

    List<StoredEvent> since(UserId user, long afterSequence, int limit);

    long lastSequence(UserId user);
}
