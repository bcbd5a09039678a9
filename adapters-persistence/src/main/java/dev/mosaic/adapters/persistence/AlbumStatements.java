package dev.mosaic.adapters.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The statements every batch create runs, through JDBI's core API with explicit binds and a hand-written row
 * mapper: on this path SqlObject's per-call attach, its configuration copies and reflective binding of 27 columns
 * cost more CPU than the database's own work (JFR, issue 15). The SQL is {@link MessageDao}'s.
 */
final class AlbumStatements {
    private static final RowMapper<UsageRow> USAGE = (rows, context) -> new UsageRow(
            rows.getLong("pending_uploads"), rows.getLong("pending_bytes"), instant(rows.getObject(
            "earliest_deadline", OffsetDateTime.class)), rows.getLong("albums"),
            instant(rows.getObject("oldest_album", OffsetDateTime.class)));

    private AlbumStatements() {
    }

    /** The message, then all its assets in one batch: two statements whatever the album's size. */
    static void insert(Handle handle, MessageRow message, List<AssetRow> assets) {
        handle.createUpdate(MessageDao.INSERT_MESSAGE)
                .bind("id", message.id())
                .bind("senderId", message.senderId())
                .bind("receiverId", message.receiverId())
                .bind("body", message.body())
                .bind("createdAt", (Object) message.createdAt())
                .execute();
        if (assets.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(MessageDao.INSERT_ASSET);
        for (AssetRow asset : assets) {
            bind(batch, asset).add();
        }
        batch.execute();
    }

    static UsageRow usage(Handle handle, long sender, String stage, Instant windowStart) {
        return handle.createQuery(MessageDao.USAGE)
                .bind("sender", sender)
                .bind("stage", stage)
                .bind("windowStart", (Object) windowStart)
                .map(USAGE)
                .one();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, AssetRow row) {
        return statement.bind("id", row.id())
                .bind("messageId", row.messageId())
                .bind("displayOrder", row.displayOrder())
                .bind("ownerId", row.ownerId())
                .bind("kind", row.kind())
                .bind("fileName", row.fileName())
                .bind("contentType", row.contentType())
                .bind("objectKey", row.objectKey())
                .bind("uploadMode", row.uploadMode())
                .bind("fileSize", row.fileSize())
                .bind("partSize", row.partSize())
                .bind("numParts", row.numParts())
                .bind("uploadId", row.uploadId())
                .bind("stage", row.stage())
                .bind("progress", row.progress())
                .bind("width", row.width())
                .bind("height", row.height())
                .bind("durationMillis", row.durationMillis())
                .bind("placeholder", row.placeholder())
                .bind("renditions", row.renditions())
                .bind("failureCode", row.failureCode())
                .bind("createdAt", (Object) row.createdAt())
                .bind("updatedAt", (Object) row.updatedAt())
                .bind("expiresAt", (Object) row.expiresAt())
                .bind("caption", row.caption())
                .bind("altText", row.altText())
                .bind("supersededKeys", row.supersededKeys());
    }

    private static Instant instant(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
