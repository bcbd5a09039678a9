package dev.mosaic.adapters.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(MessageRow.class)
@RegisterConstructorMapper(AssetRow.class)
interface MessageDao {
    /** Also the order of {@link AlbumStatements#INSERT_ASSET}'s parameters. */
    String ASSET_COLUMNS = """
            id, message_id, display_order, owner_id, kind, file_name, content_type, object_key, upload_mode,
            file_size, part_size, num_parts, upload_id, stage, progress, width, height, duration_millis,
            placeholder, renditions, failure_code, created_at, updated_at, expires_at, caption, alt_text,
            superseded_keys""";

    @SqlQuery("SELECT id, sender_id, receiver_id, body, created_at FROM messages WHERE id = :id")
    Optional<MessageRow> message(long id);

    @SqlQuery("SELECT " + ASSET_COLUMNS + " FROM assets WHERE message_id IN (<messageIds>)"
            + " ORDER BY message_id, display_order")
    List<AssetRow> assetsOf(@BindList("messageIds") List<Long> messageIds);

    /** The album of an asset, in one statement. */
    @SqlQuery("SELECT id, sender_id, receiver_id, body, created_at FROM messages"
            + " WHERE id = (SELECT message_id FROM assets WHERE id = :assetId)")
    Optional<MessageRow> messageOfAsset(long assetId);

    /**
     * The album of an asset, its row held until the transaction ends: one album's assets change one at a time.
     * An asset never moves to another album, so the subquery's answer cannot change under the lock.
     */
    @SqlQuery("SELECT id, sender_id, receiver_id, body, created_at FROM messages"
            + " WHERE id = (SELECT message_id FROM assets WHERE id = :assetId) FOR UPDATE")
    Optional<MessageRow> lockMessageOfAsset(long assetId);

    String ASSET_WITH_KEY = "SELECT message_id FROM assets WHERE id = :assetId AND object_key = :objectKey";

    /**
     * The album of the asset a key names, if that asset has the key now: found by the asset's primary key, the key
     * compared on its row (no index on keys: every key holds its asset's id, migration 10).
     */
    @SqlQuery("SELECT id, sender_id, receiver_id, body, created_at FROM messages"
            + " WHERE id = (" + ASSET_WITH_KEY + ")")
    Optional<MessageRow> messageOfAssetWithKey(long assetId, String objectKey);

    /** Behind {@code Messages.update}, under the album's lock; the id and message never change. */
    @SqlUpdate("""
            UPDATE assets SET owner_id = :next.ownerId, kind = :next.kind, file_name = :next.fileName,
              content_type = :next.contentType, object_key = :next.objectKey, upload_mode = :next.uploadMode,
              file_size = :next.fileSize, part_size = :next.partSize, num_parts = :next.numParts,
              upload_id = :next.uploadId, stage = :next.stage, progress = :next.progress, width = :next.width,
              height = :next.height, duration_millis = :next.durationMillis, placeholder = :next.placeholder,
              renditions = :next.renditions, failure_code = :next.failureCode, created_at = :next.createdAt,
              updated_at = :next.updatedAt, expires_at = :next.expiresAt, caption = :next.caption,
              alt_text = :next.altText, superseded_keys = :next.supersededKeys,
              unswept_since = CASE WHEN :next.stage = 'UPLOADING' THEN NULL ELSE :next.updatedAt END
            WHERE id = :next.id AND message_id = :next.messageId""")
    int updateAsset(@BindMethods("next") AssetRow next);

    @SqlQuery("""
            SELECT id, sender_id, receiver_id, body, created_at FROM messages
            WHERE ((sender_id = :one AND receiver_id = :other) OR (sender_id = :other AND receiver_id = :one))
              AND id < :before
            ORDER BY id DESC
            LIMIT :limit""")
    List<MessageRow> conversation(long one, long other, long before, int limit);

    @SqlQuery("SELECT " + ASSET_COLUMNS + """
             FROM assets WHERE stage = :stage AND expires_at < :now
            ORDER BY expires_at, id
            LIMIT :limit""")
    List<AssetRow> deadlinePassed(String stage, Instant now, int limit);

    /**
     * The floor keeps the scan to the marked rows: H2 indexes NULLs (first) and starts a range without a lower bound
     * at the index's first entry, so {@code unswept_since < :before} alone walked every asset uploading or swept
     * (issue 15, {@code QueryPlanTest}). No asset changed before the epoch.
     */
    String UNSWEPT_BETWEEN = "SELECT " + ASSET_COLUMNS + """
             FROM assets WHERE unswept_since >= :floor AND unswept_since < :before
            ORDER BY unswept_since, id
            LIMIT :limit""";

    @SqlQuery(UNSWEPT_BETWEEN)
    List<AssetRow> unsweptBetween(Instant floor, Instant before, int limit);

    /** Only when the asset has not changed since it was read: a later change is swept again. */
    @SqlUpdate("UPDATE assets SET unswept_since = NULL WHERE id = :id AND updated_at = :updatedAt")
    int markSwept(long id, Instant updatedAt);

    /** Only when the asset has not changed since it was read, and still waits for a sweep. */
    @SqlUpdate("""
            UPDATE assets SET unswept_since = :at
            WHERE id = :id AND updated_at = :updatedAt AND unswept_since IS NOT NULL""")
    int sweepLater(long id, Instant updatedAt, Instant at);
}
