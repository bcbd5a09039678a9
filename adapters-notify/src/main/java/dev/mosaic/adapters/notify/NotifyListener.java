package dev.mosaic.adapters.notify;

import dev.mosaic.domain.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that {@code LISTEN}s, hands the users named in each notification on, and opens a new
 * connection whenever that one is lost. Notifications sent while no connection listened are gone, so after
 * every reconnect it calls {@code resync}: the event log, not the notification, is the source of truth.
 */
final class NotifyListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyListener.class);
    /** How long one wait for notifications lasts; also how soon a close is noticed. */
    private static final int POLL_MILLIS = 500;
    /** Silence longer than this makes the listener check that its connection still answers. */
    private static final long PROBE_AFTER_NANOS = 15_000_000_000L;
    private static final int PROBE_TIMEOUT_SECONDS = 5;

    private final NotifyConnections connections;
    private final String channel;
    private final Consumer<Set<UserId>> users;
    private final String progressChannel;
    private final Consumer<String> progress;
    private final Runnable resync;
    private final Thread thread;
    private final Backoff backoff = new Backoff();
    private volatile boolean closed;
    private volatile Connection connection;

    /** Also hands on, one by one, the payloads of notifications on {@code progressChannel}. */
    NotifyListener(NotifyConnections connections, String channel, Consumer<Set<UserId>> users,
                   String progressChannel, Consumer<String> progress, Runnable resync) {
        this.connections = connections;
        this.channel = channel;
        this.users = users;
        this.progressChannel = progressChannel;
        this.progress = progress;
        this.resync = resync;
        this.thread = new Thread(this::run, "mosaic-notify-listen");
        thread.setDaemon(true);
    }

    /** Listens once before returning, so a database that cannot be reached fails the start. */
    void start() throws SQLException {
        connection = listen();
        thread.start();
    }

    /** The server process of the listening connection, or 0 while there is none. */
    int backendPid() {
        return NotifyConnections.backendPid(connection);
    }

    private Connection listen() throws SQLException {
        Connection opened = connections.open("listen");
        try (Statement statement = opened.createStatement()) {
            statement.execute("LISTEN " + channel);
            statement.execute("LISTEN " + progressChannel);
            return opened;
        } catch (SQLException failure) {
            opened.close();
            throw failure;
        }
    }

    private void run() {
        while (!closed) {
            try {
                if (connection == null) {
                    connection = listen();
                    LOG.info("listening on {} again; catching up from the event log", channel);
                    resync.run();
                }
                backoff.reset();
                receive(connection);
            } catch (SQLException | RuntimeException failure) {
                dropConnection();
                if (closed) {
                    return;
                }
                LOG.warn("lost the {} listener ({}); reconnecting", channel, failure.toString());
                if (!backoff.pause()) {
                    return;
                }
            }
        }
        dropConnection();
    }

    /** Returns only when closing; throws when the connection fails. */
    private void receive(Connection listening) throws SQLException {
        PGConnection postgres = listening.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.nanoTime();
                deliver(notifications);
            } else if (System.nanoTime() - lastHeard > PROBE_AFTER_NANOS) {
                if (!listening.isValid(PROBE_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void deliver(PGNotification[] notifications) {
        Set<UserId> named = new LinkedHashSet<>();
        for (PGNotification notification : notifications) {
            if (channel.equals(notification.getName())) {
                named.addAll(NotifyPayload.decode(notification.getParameter()));
            } else if (progressChannel.equals(notification.getName())) {
                progress.accept(notification.getParameter());
            }
        }
        if (!named.isEmpty()) {
            users.accept(named);
        }
    }

    /** Cuts the connection under the thread waiting on it (what JDBC's abort is for), so it stops at once. */
    private void abortWait() {
        Connection current = connection;
        if (current != null) {
            try {
                current.abort(Runnable::run);
            } catch (SQLException alreadyBroken) {
                LOG.debug("aborting the listen connection failed", alreadyBroken);
            }
        }
    }

    private void dropConnection() {
        Connection lost = connection;
        connection = null;
        NotifyConnections.closeQuietly(lost, "listen");
    }

    @Override
    public void close() {
        closed = true;
        abortWait();
        try {
            thread.join(2L * POLL_MILLIS + 1_000);
            thread.interrupt();
            thread.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        dropConnection();
    }
}
