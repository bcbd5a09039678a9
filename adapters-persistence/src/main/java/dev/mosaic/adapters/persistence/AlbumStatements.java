package dev.mosaic.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The statements every batch create runs, on plain JDBC ({@link Jdbc}): SqlObject's per-call attach and
 * reflective binding of 27 columns, then JDBI's per-bind argument resolution, cost more CPU than the database's
 * own work (JFR, issue 15).
 */
final class AlbumStatements {
    static final String INSERT_MESSAGE = """
            INSERT INTO messages (id, sender_id, receiver_id, body, created_at) VALUES (?, ?, ?, ?, ?)""";

    /** One asset's row: its {@link #ASSET_PARAMETERS} parameters in the order of {@link MessageDao#ASSET_COLUMNS}. */
    static final String ASSET_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final int ASSET_PARAMETERS = 27;

    static final String INSERT_ASSET = "INSERT INTO assets (" + MessageDao.ASSET_COLUMNS + ") VALUES " + ASSET_VALUES;

    /** {@link #USAGE}'s columns, each a one-row aggregate: a query may add columns of its own to its one row. */
    static final String USAGE_COLUMNS = "pending.uploads, pending.bytes, pending.earliest, sent.albums, sent.oldest";

    /** {@link #USAGE} from its {@code FROM} on; its four parameters as {@link #bindUsage} binds them. */
    static final String USAGE_FROM = """
            FROM (SELECT COUNT(*) AS uploads, COALESCE(SUM(file_size), 0) AS bytes, MIN(expires_at) AS earliest
                  FROM assets WHERE owner_id = ? AND stage = ?) pending,
                 (SELECT COUNT(*) AS albums, MIN(created_at) AS oldest
                  FROM messages WHERE sender_id = ? AND created_at > ?) sent""";

    /** A sender's uploads still waiting for their bytes, and its albums since the window's start. */
    static final String USAGE = "SELECT " + USAGE_COLUMNS + "\n" + USAGE_FROM;

    private AlbumStatements() {
    }

    /** The message, then all its assets in one batch: two statements whatever the album's size. */
    static void insert(Handle handle, MessageRow message, List<AssetRow> assets) {
        Jdbc.prepared(handle, INSERT_MESSAGE, statement -> {
            bind(statement, 1, message);
            return statement.executeUpdate();
        });
        if (assets.isEmpty()) {
            return;
        }
        Jdbc.prepared(handle, INSERT_ASSET, statement -> {
            for (AssetRow asset : assets) {
                bind(statement, asset);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    static UsageRow usage(Handle handle, long sender, String stage, Instant windowStart) {
        return Jdbc.prepared(handle, USAGE, statement -> {
            bindUsage(statement, sender, stage, windowStart);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return usageRow(rows);
            }
        });
    }

    /** {@link #USAGE_FROM}'s parameters, the first four of the statement. */
    static void bindUsage(PreparedStatement statement, long sender, String stage, Instant windowStart)
            throws SQLException {
        statement.setLong(1, sender);
        statement.setString(2, stage);
        statement.setLong(3, sender);
        Jdbc.setInstant(statement, 4, windowStart);
    }

    /** {@link #USAGE_COLUMNS}, the first five columns of the row the result set is on. */
    static UsageRow usageRow(ResultSet rows) throws SQLException {
        return new UsageRow(rows.getLong(1), rows.getLong(2), instant(rows.getObject(3, OffsetDateTime.class)),
                rows.getLong(4), instant(rows.getObject(5, OffsetDateTime.class)));
    }

    private static void bind(PreparedStatement statement, AssetRow row) throws SQLException {
        bind(statement, 1, row);
    }

    /**
     * The asset's {@link #ASSET_PARAMETERS} parameters, in the order of {@link MessageDao#ASSET_COLUMNS}, from
     * parameter {@code first} on.
     */
    static void bind(PreparedStatement statement, int first, AssetRow row) throws SQLException {
        int at = first - 1;
        statement.setLong(at + 1, row.id());
        statement.setLong(at + 2, row.messageId());
        statement.setInt(at + 3, row.displayOrder());
        statement.setLong(at + 4, row.ownerId());
        Jdbc.setString(statement, at + 5, row.kind());
        Jdbc.setString(statement, at + 6, row.fileName());
        Jdbc.setString(statement, at + 7, row.contentType());
        Jdbc.setString(statement, at + 8, row.objectKey());
        Jdbc.setString(statement, at + 9, row.uploadMode());
        statement.setLong(at + 10, row.fileSize());
        Jdbc.setLong(statement, at + 11, row.partSize());
        Jdbc.setInt(statement, at + 12, row.numParts());
        Jdbc.setString(statement, at + 13, row.uploadId());
        Jdbc.setString(statement, at + 14, row.stage());
        statement.setInt(at + 15, row.progress());
        Jdbc.setInt(statement, at + 16, row.width());
        Jdbc.setInt(statement, at + 17, row.height());
        Jdbc.setLong(statement, at + 18, row.durationMillis());
        Jdbc.setString(statement, at + 19, row.placeholder());
        Jdbc.setString(statement, at + 20, row.renditions());
        Jdbc.setString(statement, at + 21, row.failureCode());
        Jdbc.setInstant(statement, at + 22, row.createdAt());
        Jdbc.setInstant(statement, at + 23, row.updatedAt());
        Jdbc.setInstant(statement, at + 24, row.expiresAt());
        Jdbc.setString(statement, at + 25, row.caption());
        Jdbc.setString(statement, at + 26, row.altText());
        Jdbc.setString(statement, at + 27, row.supersededKeys());
    }

    /** The message's five parameters of {@link #INSERT_MESSAGE}, from parameter {@code first} on. */
    static void bind(PreparedStatement statement, int first, MessageRow message) throws SQLException {
        statement.setLong(first, message.id());
        statement.setLong(first + 1, message.senderId());
        statement.setLong(first + 2, message.receiverId());
        statement.setString(first + 3, message.body());
        Jdbc.setInstant(statement, first + 4, message.createdAt());
    }

    private static Instant instant(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
