package dev.mosaic.adapters.http;

import dev.mosaic.application.event.StoredEvent;
import dev.mosaic.application.port.in.ReadEventsUseCase;
import dev.mosaic.domain.UserId;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open socket. Once authenticated it remembers the last sequence it sent; every catch-up runs under its
 * lock, so each event goes out once and in order however many deliveries race. It holds Jetty's session and
 * nothing of the upgrade request (see {@link SocketUpgrades}).
 */
final class EventSocket {

    static final int PAGE_SIZE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(EventSocket.class);

    private static final AtomicLong OPENED = new AtomicLong();

    private final CoreSession session;
    private final long order = OPENED.incrementAndGet();
    private final AtomicReference<String> waitingAddress = new AtomicReference<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile UserId user;
    private volatile ScheduledFuture<?> authDeadline;
    private long lastSent;

    EventSocket(CoreSession session) {
        this.session = session;
    }

    /** For logs: the order number. */
    String id() {
        return Long.toString(order);
    }

    /** Sockets opened later have a larger order. */
    long order() {
        return order;
    }

    /** The client's address, without the port. */
    String address() {
        java.net.SocketAddress remote = session.getRemoteAddress();
        return remote instanceof java.net.InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    /** Remembers that this socket counts against its address's sockets not signed in. */
    void waitingFrom(String address) {
        waitingAddress.set(address);
    }

    /** The address this socket counted against, once: null if it did not or was already released. */
    String stopWaiting() {
        return waitingAddress.getAndSet(null);
    }

    boolean isAuthenticated() {
        return user != null;
    }

    UserId user() {
        return user;
    }

    void authDeadline(ScheduledFuture<?> deadline) {
        this.authDeadline = deadline;
    }

    /** Marks the socket as {@code owner}'s: it will get the events after {@code since}. Call under {@link #lock()}. */
    void authenticated(UserId owner, long since) {
        cancelAuthDeadline();
        this.lastSent = since;
        this.user = owner;
    }

    ReentrantLock lock() {
        return lock;
    }

    /**
     * Sends every event after the last one sent, page by page. Answers the user's last sequence when the log was
     * read to its end (a page shorter than a full one), nothing when the socket is closed or not signed in.
     */
    OptionalLong catchUp(ReadEventsUseCase events, SocketFrames frames) {
        lock.lock();
        try {
            while (user != null && isOpen()) {
                long before = lastSent;
                List<StoredEvent> page = events.since(user, lastSent, PAGE_SIZE);
                for (StoredEvent stored : page) {
                    if (stored.sequence() > lastSent && user.equals(stored.recipient())) {
                        send(frames.event(stored));
                        lastSent = stored.sequence();
                    }
                }
                if (page.size() < PAGE_SIZE) {
                    return OptionalLong.of(lastSent);
                }
                if (lastSent == before) {
                    return OptionalLong.empty();
                }
            }
            return OptionalLong.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Whether this signed-in, open socket has not sent the event numbered {@code last} yet. */
    boolean isBehind(long last) {
        lock.lock();
        try {
            return user != null && isOpen() && lastSent < last;
        } finally {
            lock.unlock();
        }
    }

    /** Sends a frame that is not in the event log, between two catch-ups rather than inside one. */
    void sendUnsequenced(String text) {
        lock.lock();
        try {
            if (user != null && isOpen()) {
                send(text);
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isOpen() {
        return session.isOutputOpen();
    }

    /** A WebSocket ping, so proxies keep an idle socket open and a dead peer shows as a failed write. */
    void ping() {
        if (isOpen()) {
            session.sendFrame(new Frame(OpCode.PING), Callback.NOOP, false);
        }
    }

    void send(String text) {
        session.sendFrame(new Frame(OpCode.TEXT).setPayload(text), Callback.from(() -> { }, failure -> {
            LOG.debug("Could not send to socket {}; closing it", id(), failure);
            close(CloseStatus.SERVER_ERROR, "send_failed");
        }), false);
    }

    void close(int code, String reason) {
        cancelAuthDeadline();
        if (isOpen()) {
            session.close(code, reason, Callback.NOOP);
        }
    }

    void cancelAuthDeadline() {
        ScheduledFuture<?> deadline = authDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
