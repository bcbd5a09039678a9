package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys in a map; a completion made in a transaction that then fails is taken back, as a database's would be. */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {
    private final Map<Slot, Entry> entries = new ConcurrentHashMap<>();
    private final ImmediateTransactions transactions;

    public InMemoryIdempotencyKeys(ImmediateTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean reserve(UserId user, String key, String fingerprint, Instant now) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return entries.putIfAbsent(new Slot(user, key), new Entry(fingerprint, Optional.empty(), now)) == null;
    }

    @Override
    public void complete(UserId user, String key, MessageId message) {
        Slot slot = new Slot(user, key);
        Entry before = entries.get(slot);
        if (before == null || before.message().isPresent()) {
            return;
        }
        entries.put(slot, new Entry(before.fingerprint(), Optional.of(message), before.createdAt()));
        transactions.takeBackOnFailure(() -> entries.put(slot, before));
    }

    @Override
    public void release(UserId user, String key) {
        entries.computeIfPresent(new Slot(user, key), (slot, entry) -> entry.message().isPresent() ? entry : null);
    }

    @Override
    public Optional<Entry> find(UserId user, String key) {
        return Optional.ofNullable(entries.get(new Slot(user, key)));
    }

    private record Slot(UserId user, String key) {
        Slot {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(key, "key");
        }
    }
}
