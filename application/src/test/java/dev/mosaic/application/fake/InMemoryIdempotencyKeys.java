package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryIdempotencyKeys implements IdempotencyKeys {
    private final Map<Slot, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public boolean reserve(UserId user, String key, String fingerprint, Instant now) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        return entries.putIfAbsent(new Slot(user, key), new Entry(fingerprint, Optional.empty(), now)) == null;
    }

    @Override
    public void complete(UserId user, String key, MessageId message) {
        entries.computeIfPresent(new Slot(user, key),
                (slot, entry) -> new Entry(entry.fingerprint(), Optional.of(message), entry.createdAt()));
    }

    @Override
    public void release(UserId user, String key) {
        entries.remove(new Slot(user, key));
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
