package dev.mosaic.adapters.http;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many sockets one client may hold on this node: a user at most {@code perUser} (a new one closes the user's
 * oldest, so a phone that reconnected after losing its network is never locked out by its own dead sockets), an
 * address at most {@code perAddress} not yet signed in (more are refused at once).
 */
final class SocketCaps {

    static final String CODE = "too_many_sockets";

    private final int perUser;
    private final int perAddress;
    private final Map<String, Integer> waiting = new ConcurrentHashMap<>();

    SocketCaps(int perUser, int perAddress) {
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    /** Counts one more socket not signed in from {@code address}; false, and nothing counted, when it is one too many. */
    boolean admitWaiting(String address) {
        int count = waiting.merge(address, 1, Integer::sum);
        if (count > perAddress) {
            releaseWaiting(address);
            return false;
        }
        return true;
    }

    void releaseWaiting(String address) {
        waiting.computeIfPresent(address, (ignored, count) -> count <= 1 ? null : count - 1);
    }

    /** The oldest of a user's sockets beyond the cap: those to close. */
    List<EventSocket> surplus(Collection<EventSocket> owned) {
        List<EventSocket> snapshot = List.copyOf(owned);
        if (snapshot.size() <= perUser) {
            return List.of();
        }
        return snapshot.stream().sorted(Comparator.comparingLong(EventSocket::order))
                .limit(snapshot.size() - perUser).toList();
    }
}
