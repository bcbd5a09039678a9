package dev.mosaic.adapters.http;

import dev.mosaic.domain.UserId;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * What this node knows of each user's last event sequence, so a socket whose client is already current
 * connects without reading the event log. An entry is filled by a read of the log and forgotten by every
 * delivery that names its user (the notifier's "these users have new events", from this node's commits and,
 * through NOTIFY, other nodes'), and all of them by a resync. A delivery forgets before it looks for the
 * user's sockets, and a socket is registered before it asks here: so a value that is stale when read (an event
 * committed, its delivery still on the way) belongs to a socket that delivery will find and catch up.
 *
 * <p>A read that raced a delivery is not kept: each fill carries a stamp taken before the read, and a delivery
 * or resync in between changes it. When full, the map forgets everything (each entry refills on its user's next
 * connect).
 */
final class LastSequences {

    static final int DEFAULT_CAPACITY = 200_000;
    private static final long UNKNOWN = -1;

    private final Map<UserId, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong stamps = new AtomicLong();
    private final int capacity;

    LastSequences(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** The user's last sequence as known here, if it is. */
    OptionalLong known(UserId user) {
        Slot slot = slots.get(user);
        return slot == null || slot.last == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(slot.last);
    }

    /** Reads the user's last sequence and keeps it, unless a delivery for the user (or a resync) came meanwhile. */
    long read(UserId user, ToLongFunction<UserId> read) {
        long stamp = begin(user);
        long last = read.applyAsLong(user);
        fill(user, stamp, last);
        return last;
    }

    /**
     * Forgets what was known of the user and starts a fill: the answer of a read of the log made after this call
     * may be given to {@link #fill} with the stamp returned.
     */
    long begin(UserId user) {
        long stamp = stamps.incrementAndGet();
        if (slots.size() >= capacity) {
            slots.clear();
        }
        slots.put(user, new Slot(stamp, UNKNOWN));
        return stamp;
    }

    /** Keeps {@code last} as the user's last sequence, unless a delivery or a resync came since {@code stamp}. */
    void fill(UserId user, long stamp, long last) {
        slots.computeIfPresent(user, (owner, slot) -> slot.stamp == stamp ? new Slot(stamp, last) : slot);
    }

    /** The user has new events: forget what was known, and any fill on its way. */
    void forget(UserId user) {
        long stamp = stamps.incrementAndGet();
        slots.computeIfPresent(user, (owner, slot) -> new Slot(stamp, UNKNOWN));
    }

    /** Anything may have been missed: forget everything, and any fill on its way. */
    void forgetAll() {
        stamps.incrementAndGet();
        slots.clear();
    }

    int size() {
        return slots.size();
    }

    private record Slot(long stamp, long last) {
    }
}
