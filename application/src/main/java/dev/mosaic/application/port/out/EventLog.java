package dev.mosaic.application.port.out;

import dev.mosaic.application.event.Event;
import dev.mosaic.application.event.StoredEvent;
import dev.mosaic.domain.UserId;
import java.util.List;

/**
 * Every event a user is owed, numbered 1, 2, 3… per user with no gaps. Appending happens in
 * the same transaction as the change the event reports.
 */
public interface EventLog {

    /** Appends and answers the event's sequence number for this recipient. */
    long append(UserId recipient, Event event);

    /** Events with a sequence above {@code afterSequence}, ascending, at most {@code limit}. */
    List<StoredEvent> since(UserId recipient, long afterSequence, int limit);

    /** The newest sequence number of this recipient, 0 when none. */
    long lastSequence(UserId recipient);
}
