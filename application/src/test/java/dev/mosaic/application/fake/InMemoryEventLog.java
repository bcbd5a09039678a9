package dev.mosaic.application.fake;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.domain.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Per-user lists; the sequence of a fact is its position in its recipient's list, from 1. */
public final class InMemoryEventLog implements EventLog {
    private final Map<UserId, List<LoggedFact>> byRecipient = new HashMap<>();

    @Override
    public synchronized long append(UserId recipient, Fact fact) {
        Objects.requireNonNull(fact, "fact");
        List<LoggedFact> facts = byRecipient.computeIfAbsent(recipient, user -> new ArrayList<>());
        long sequence = facts.size() + 1L;
        facts.add(new LoggedFact(recipient, sequence, fact));
        return sequence;
    }

    @Override
    public synchronized List<LoggedFact> since(UserId recipient, long afterSequence, int limit) {
        List<LoggedFact> facts = byRecipient.getOrDefault(recipient, List.of());
        int from = (int) Math.min(Math.max(afterSequence, 0), facts.size());
        int to = (int) Math.min((long) from + Math.max(limit, 0), facts.size());
        return List.copyOf(facts.subList(from, to));
    }

    @Override
    public synchronized long lastSequence(UserId recipient) {
        return byRecipient.getOrDefault(recipient, List.of()).size();
    }

    /** Every fact logged for this user, in order. */
    public synchronized List<Fact> factsOf(UserId recipient) {
        return byRecipient.getOrDefault(recipient, List.of()).stream().map(LoggedFact::fact).toList();
    }
}
