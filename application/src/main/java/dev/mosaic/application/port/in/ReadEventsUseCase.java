package dev.mosaic.application.port.in;

import dev.mosaic.application.event.StoredEvent;
import dev.mosaic.domain.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A user's own events, for live delivery and for catching up after a reconnect. */
public interface ReadEventsUseCase {

    List<StoredEvent> since(UserId user, long afterSequence, int limit);

    long lastSequence(UserId user);

    /** Each of these users' newest sequence, absent for a user with no events; a few reads for many users. */
    Map<UserId, Long> lastSequences(Collection<UserId> users);
}
