package dev.mosaic.adapters.notify;

import dev.mosaic.domain.UserId;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code NOTIFY} on a connection of its own, from a thread of its own, so a committing request never
 * waits for the database. Users published while a send runs are merged into the next one; users whose send
 * failed stay pending and go out once the connection is back.
 */
final class NotifySender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifySender.class);

    private final NotifyLink link;
    private final Set<UserId> pending = new LinkedHashSet<>();
    private final Thread thread;
    private final Backoff backoff = new Backoff();
    private volatile boolean closed;

    NotifySender(NotifyConnections connections, String channel) {
        this.link = new NotifyLink(connections, "notify", channel);
        this.thread = new Thread(this::run, "mosaic-notify-send");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void send(Collection<UserId> users) {
        synchronized (pending) {
            pending.addAll(users);
            pending.notifyAll();
        }
    }

    /** The server process of the sending connection, or 0 while there is none. */
    int backendPid() {
        return link.backendPid();
    }

    private void run() {
        while (true) {
            List<UserId> users = awaitPending();
            if (users.isEmpty()) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                link.notify(NotifyPayload.encode(users));
                backoff.reset();
            } catch (SQLException failure) {
                link.drop();
                if (closed) {
                    LOG.warn("closing with {} users not notified: {}", users.size(), failure.toString());
                    return;
                }
                LOG.warn("could not send a notification ({}); retrying on a new connection", failure.toString());
                send(users);
                if (!backoff.pause()) {
                    return;
                }
            }
        }
    }

    private List<UserId> awaitPending() {
        synchronized (pending) {
            while (pending.isEmpty() && !closed) {
                try {
                    pending.wait();
                } catch (InterruptedException interrupted) {
                    return List.of();
                }
            }
            List<UserId> users = List.copyOf(pending);
            pending.clear();
            return users;
        }
    }

    /** Sends what is pending, if the database lets it within a moment, and stops. */
    @Override
    public void close() {
        closed = true;
        synchronized (pending) {
            pending.notifyAll();
        }
        try {
            thread.join(1_000);
            thread.interrupt();
            thread.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        link.drop();
    }
}
