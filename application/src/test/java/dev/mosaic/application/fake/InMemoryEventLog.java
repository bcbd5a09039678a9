package dev.mosaic.application.fake;

import dev.mosaic.application.event.Event;
import dev.mosaic.application.event.StoredEvent;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.domain.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Per-user lists; the sequence of an event is its position in its recipient's list, from 1. */
public final class InMemoryEventLog implements EventLog {
    private final Map<UserId, List<StoredEvent>> byRecipient = new HashMap<>();

    @Override
    public synchronized long append(UserId recipient, Event event) {
        Objects.requireNonNull(event, "event");
        List<StoredEvent> events = byRecipient.computeIfAbsent(recipient, user -> new ArrayList<>());
        long sequence = events.size() + 1L;
        events.add(new StoredEvent(recipient, sequence, event));
        return sequence;
    }

    @Override
    public synchronized List<StoredEvent> since(UserId recipient, long afterSequence, int limit) {
        List<StoredEvent> events = byRecipient.getOrDefault(recipient, List.of());
        int from = (int) Math.min(Math.max(afterSequence, 0), events.size());
        int to = (int) Math.min((long) from + Math.max(limit, 0), events.size());
        return List.copyOf(events.subList(from, to));
    }

    @Override
    public synchronized long lastSequence(UserId recipient) {
        return byRecipient.getOrDefault(recipient, List.of()).size();
    }

    /** Every event this user was sent, in order. */
    public synchronized List<Event> eventsOf(UserId recipient) {
        return byRecipient.getOrDefault(recipient, List.of()).stream().map(StoredEvent::event).toList();
    }

    /** Every event this user was sent of one type, in order. */
    public synchronized <E extends Event> List<E> eventsOf(UserId recipient, Class<E> type) {
        return eventsOf(recipient).stream().filter(type::isInstance).map(type::cast).toList();
    }
}
