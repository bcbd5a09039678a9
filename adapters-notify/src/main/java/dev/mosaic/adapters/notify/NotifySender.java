package dev.mosaic.adapters.notify;

import dev.mosaic.domain.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code NOTIFY} on a connection of its own, from a thread of its own, so a committing request never
 * waits for the database. Users published while a send runs are merged into the next one; users whose send
 * failed stay pending and go out once the connection is back.
 */
final class NotifySender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifySender.class);

    private final NotifyConnections connections;
    private final String channel;
    private final Set<UserId> pending = new LinkedHashSet<>();
    private final Thread thread;
    private final Backoff backoff = new Backoff();
    private volatile boolean closed;
    private volatile Connection connection;

    NotifySender(NotifyConnections connections, String channel) {
        this.connections = connections;
        this.channel = channel;
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
        Connection current = connection;
        try {
            return current == null ? 0 : current.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException closedMeanwhile) {
            return 0;
        }
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
                notifyAll(users);
                backoff.reset();
            } catch (SQLException failure) {
                dropConnection();
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

    private void notifyAll(List<UserId> users) throws SQLException {
        if (connection == null) {
            connection = connections.open("notify");
        }
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (String payload : NotifyPayload.encode(users)) {
                notify.setString(1, channel);
                notify.setString(2, payload);
                notify.execute();
            }
        }
    }

    private void dropConnection() {
        Connection lost = connection;
        connection = null;
        if (lost != null) {
            try {
                lost.close();
            } catch (SQLException alreadyBroken) {
                LOG.debug("closing a broken notify connection failed", alreadyBroken);
            }
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
        dropConnection();
    }
}
