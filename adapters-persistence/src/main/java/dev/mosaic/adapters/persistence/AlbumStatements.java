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

    static final String INSERT_ASSET = "INSERT INTO assets (" + MessageDao.ASSET_COLUMNS + """
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** A sender's uploads still waiting for their bytes, and its albums since the window's start. */
    static final String USAGE = """
            SELECT pending.uploads, pending.bytes, pending.earliest, sent.albums, sent.oldest
            FROM (SELECT COUNT(*) AS uploads, COALESCE(SUM(file_size), 0) AS bytes, MIN(expires_at) AS earliest
                  FROM assets WHERE owner_id = ? AND stage = ?) pending,
                 (SELECT COUNT(*) AS albums, MIN(created_at) AS oldest
                  FROM messages WHERE sender_id = ? AND created_at > ?) sent""";

    private AlbumStatements() {
    }

    /** The message, then all its assets in one batch: two statements whatever the album's size. */
    static void insert(Handle handle, MessageRow message, List<AssetRow> assets) {
        Jdbc.prepared(handle, INSERT_MESSAGE, statement -> {
            statement.setLong(1, message.id());
            statement.setLong(2, message.senderId());
            statement.setLong(3, message.receiverId());
            statement.setString(4, message.body());
            Jdbc.setInstant(statement, 5, message.createdAt());
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
            statement.setLong(1, sender);
            statement.setString(2, stage);
            statement.setLong(3, sender);
            Jdbc.setInstant(statement, 4, windowStart);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new UsageRow(rows.getLong(1), rows.getLong(2), instant(rows.getObject(3, OffsetDateTime.class)),
                        rows.getLong(4), instant(rows.getObject(5, OffsetDateTime.class)));
            }
        });
    }

    /** In the order of {@link MessageDao#ASSET_COLUMNS}. */
    private static void bind(PreparedStatement statement, AssetRow row) throws SQLException {
        statement.setLong(1, row.id());
        statement.setLong(2, row.messageId());
        statement.setInt(3, row.displayOrder());
        statement.setLong(4, row.ownerId());
        Jdbc.setString(statement, 5, row.kind());
        Jdbc.setString(statement, 6, row.fileName());
        Jdbc.setString(statement, 7, row.contentType());
        Jdbc.setString(statement, 8, row.objectKey());
        Jdbc.setString(statement, 9, row.uploadMode());
        statement.setLong(10, row.fileSize());
        Jdbc.setLong(statement, 11, row.partSize());
        Jdbc.setInt(statement, 12, row.numParts());
        Jdbc.setString(statement, 13, row.uploadId());
        Jdbc.setString(statement, 14, row.stage());
        statement.setInt(15, row.progress());
        Jdbc.setInt(statement, 16, row.width());
        Jdbc.setInt(statement, 17, row.height());
        Jdbc.setLong(statement, 18, row.durationMillis());
        Jdbc.setString(statement, 19, row.placeholder());
        Jdbc.setString(statement, 20, row.renditions());
        Jdbc.setString(statement, 21, row.failureCode());
        Jdbc.setInstant(statement, 22, row.createdAt());
        Jdbc.setInstant(statement, 23, row.updatedAt());
        Jdbc.setInstant(statement, 24, row.expiresAt());
        Jdbc.setString(statement, 25, row.caption());
        Jdbc.setString(statement, 26, row.altText());
        Jdbc.setString(statement, 27, row.supersededKeys());
    }

    private static Instant instant(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
