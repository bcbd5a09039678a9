package dev.mosaic.adapters.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the notifier's own connections with {@link DriverManager}, never from the pool: a listening
 * connection is held for as long as the node runs, and pooled connections are reset and recycled.
 */
record NotifyConnections(String jdbcUrl, String user, String password) {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyConnections.class);

    NotifyConnections {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("LISTEN/NOTIFY needs a jdbc:postgresql: URL, not " + jdbcUrl);
        }
    }

    /** A connection in autocommit mode, named so that {@code pg_stat_activity} shows what it is for. */
    Connection open(String purpose) throws SQLException {
        Properties properties = new Properties();
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "mosaic-" + purpose);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        connection.setAutoCommit(true);
        return connection;
    }

    /** Closes a connection that may already be broken; a failure to close it is only worth a debug line. */
    static void closeQuietly(Connection connection, String purpose) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException alreadyBroken) {
                LOG.debug("closing a broken {} connection failed", purpose, alreadyBroken);
            }
        }
    }

    /** The server process of a connection, or 0 when there is none or it closed meanwhile. */
    static int backendPid(Connection connection) {
        try {
            return connection == null ? 0 : connection.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException closedMeanwhile) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "NotifyConnections[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }
}
