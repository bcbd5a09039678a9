package dev.mosaic.application.port.out;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.domain.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every fact a user is owed an event for, numbered 1, 2, 3… per user with no gaps. Appending happens in
 * the same transaction as the change the fact reports. It keeps facts, never rendered views or URLs.
 */
public interface EventLog {

    /** Appends and answers the fact's sequence number for this recipient. */
    long append(UserId recipient, Fact fact);

    /**
     * Appends the fact once for each distinct recipient, in the order given: callers order them so that two
     * transactions take the recipients' counters in the same order. An adapter may save round trips.
     */
    default void appendToEach(List<UserId> recipients, Fact fact) {
        recipients.stream().distinct().forEach(recipient -> append(recipient, fact));
    }

    /** Facts with a sequence above {@code afterSequence}, ascending, at most {@code limit}. */
    List<LoggedFact> since(UserId recipient, long afterSequence, int limit);

    /** The newest sequence number of this recipient, 0 when none. */
    long lastSequence(UserId recipient);

    /**
     * The newest sequence number of each of these recipients, absent for one with none. For a sweep over many
     * users: an adapter reads them in a few round trips, not one per user.
     */
    default Map<UserId, Long> lastSequences(Collection<UserId> recipients) {
        Map<UserId, Long> last = new HashMap<>();
        for (UserId recipient : recipients) {
            long sequence = lastSequence(recipient);
            if (sequence > 0) {
                last.put(recipient, sequence);
            }
        }
        return last;
    }
}
