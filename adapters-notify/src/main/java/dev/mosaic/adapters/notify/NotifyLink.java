package dev.mosaic.adapters.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A connection that sends {@code NOTIFY} on one channel: opened when first needed, and dropped when a send fails so
 * that the next send opens a new one. Used from one sending thread; {@link #backendPid()} may be read from any.
 */
final class NotifyLink {
    private final NotifyConnections connections;
    private final String purpose;
    private final String channel;
    private volatile Connection connection;

    NotifyLink(NotifyConnections connections, String purpose, String channel) {
        this.connections = connections;
        this.purpose = purpose;
        this.channel = channel;
    }

    /** Sends each payload on the channel, in order, opening the connection first if there is none. */
    void notify(Collection<String> payloads) throws SQLException {
        Connection current = connection;
        if (current == null) {
            current = connections.open(purpose);
            connection = current;
        }
        try (PreparedStatement notify = current.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (String payload : payloads) {
                notify.setString(1, channel);
                notify.setString(2, payload);
                notify.execute();
            }
        }
    }

    /** Closes the connection, broken or not; the next send opens a new one. */
    void drop() {
        Connection lost = connection;
        connection = null;
        NotifyConnections.closeQuietly(lost, purpose);
    }

    /** The server process of the sending connection, or 0 while there is none. */
    int backendPid() {
        return NotifyConnections.backendPid(connection);
    }
}
