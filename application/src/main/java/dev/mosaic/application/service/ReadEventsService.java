package dev.mosaic.application.service;

import dev.mosaic.application.event.StoredEvent;
import dev.mosaic.application.port.in.ReadEventsUseCase;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.domain.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A user's events, rendered from the logged facts as they are read: URLs signed now, at any age. */
public final class ReadEventsService implements ReadEventsUseCase {
    private static final int MAX_PAGE = 500;

    private final EventLog events;
    private final Views views;

    public ReadEventsService(EventLog events, Views views) {
        this.events = events;
        this.views = views;
    }

    @Override
    public List<StoredEvent> since(UserId user, long afterSequence, int limit) {
        return events.since(user, Math.max(0, afterSequence), Math.max(1, Math.min(limit, MAX_PAGE))).stream()
                .map(logged -> new StoredEvent(logged.recipient(), logged.sequence(), views.event(logged.fact())))
                .toList();
    }

    @Override
    public long lastSequence(UserId user) {
        return events.lastSequence(user);
    }

    @Override
    public Map<UserId, Long> lastSequences(Collection<UserId> users) {
        return events.lastSequences(users);
    }
}
