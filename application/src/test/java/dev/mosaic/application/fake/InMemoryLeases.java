package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.Leases;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

public final class InMemoryLeases implements Leases {
    private final Map<String, Held> leases = new HashMap<>();

    @Override
    public synchronized boolean tryAcquire(String name, String holder, Instant now, Duration ttl) {
        Held held = leases.get(name);
        if (held != null && !held.holder().equals(holder) && !held.until().isBefore(now)) {
            return false;
        }
        leases.put(name, new Held(holder, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized void release(String name, String holder) {
        Held held = leases.get(name);
        if (held != null && held.holder().equals(holder)) {
            leases.remove(name);
        }
    }

    private record Held(String holder, Instant until) {
    }
}
