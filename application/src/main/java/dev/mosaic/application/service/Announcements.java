package dev.mosaic.application.service;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.UserId;
import java.util.Comparator;

/** Logs a fact for everyone who sees a message, inside the caller's transaction. */
final class Announcements {

    private Announcements() {
    }

    /**
     * Appends in ascending user id: each append locks that user's counter, so two transactions
     * announcing to the same two people (A's album to B, B's to A) lock them in the same order and
     * never deadlock.
     */
    static void toAudience(EventLog events, Message message, Fact fact) {
        events.appendToEach(message.audience().stream()
                .sorted(Comparator.comparingLong(UserId::value))
                .toList(), fact);
    }
}
