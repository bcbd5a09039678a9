package dev.mosaic.application.service;

import dev.mosaic.application.event.StoredEvent;
import dev.mosaic.application.port.in.ReadEventsUseCase;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.domain.UserId;
import java.util.List;

public final class ReadEventsService implements ReadEventsUseCase {
    private static final int MAX_PAGE = 500;

    private final EventLog events;

    public ReadEventsService(EventLog events) {
        this.events = events;
    }

    @Override
    public List<StoredEvent> since(UserId user, long afterSequence, int limit) {
        return events.since(user, Math.max(0, afterSequence), Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    @Override
    public long lastSequence(UserId user) {
        return events.lastSequence(user);
    }
}
