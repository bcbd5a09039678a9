package dev.mosaic.adapters.http;

import dev.mosaic.application.event.Event;
import dev.mosaic.application.event.StoredEvent;
import dev.mosaic.application.port.in.ReadEventsUseCase;
import dev.mosaic.domain.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A per-user event log in memory, numbered from 1 per user like the real one. */
final class InMemoryEvents implements ReadEventsUseCase {

    private final Map<UserId, List<StoredEvent>> logs = new HashMap<>();
    /** How often {@link #since} and {@link #lastSequence} were asked: each is a query on a real event log. */
    final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    /** How often {@link #lastSequences} was asked: a few queries on a real event log, however many users. */
    final java.util.concurrent.atomic.AtomicInteger sweepReads = new java.util.concurrent.atomic.AtomicInteger();
    /** When set, every read of a user's log fails with it: the event log's database is down, or broken. */
    volatile RuntimeException failure;

    synchronized StoredEvent append(UserId user, Event event) {
        List<StoredEvent> log = logs.computeIfAbsent(user, owner -> new ArrayList<>());
        StoredEvent stored = new StoredEvent(user, log.size() + 1L, event);
        log.add(stored);
        return stored;
    }

    @Override
    public synchronized List<StoredEvent> since(UserId user, long afterSequence, int limit) {
        reads.incrementAndGet();
        failIfSet();
        return logs.getOrDefault(user, List.of()).stream()
                .filter(stored -> stored.sequence() > afterSequence)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Map<UserId, Long> lastSequences(Collection<UserId> users) {
        sweepReads.incrementAndGet();
        Map<UserId, Long> last = new HashMap<>();
        users.forEach(user -> {
            List<StoredEvent> log = logs.getOrDefault(user, List.of());
            if (!log.isEmpty()) {
                last.put(user, (long) log.size());
            }
        });
        return last;
    }

    @Override
    public synchronized long lastSequence(UserId user) {
        reads.incrementAndGet();
        failIfSet();
        return logs.getOrDefault(user, List.of()).size();
    }

    private void failIfSet() {
        RuntimeException set = failure;
        if (set != null) {
            throw set;
        }
    }
}
