package dev.mosaic.adapters.persistence;

import dev.mosaic.domain.Stage;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Each owner's pending uploads kept as one row ({@code pending_uploads}, migration 10): an asset counts (1, its file
 * size) while its stage is {@code UPLOADING}. Every asset write changes the row in its own transaction, right where the
 * asset is written, so a create and an asset change both take the row's lock before the event counters' (no new lock
 * cycle). On plain JDBC ({@link Jdbc}): a batch create runs it.
 */
final class PendingUploads {
    static final String UPLOADING = Stage.UPLOADING.name();

    /** The kept totals (no row: none) and the albums of the window, as {@link AlbumStatements#USAGE} answers. */
    static final String KEPT_USAGE = """
            SELECT pending.uploads, pending.bytes, sent.albums, sent.oldest
            FROM (SELECT COUNT(*) AS albums, MIN(created_at) AS oldest
                  FROM messages WHERE sender_id = ? AND created_at > ?) sent
            LEFT JOIN pending_uploads pending ON pending.owner_id = ?""";

    /**
     * Never below zero: a total that drifted low (an asset written without the row, e.g. by a node of the code before
     * migration 10 during a rolling upgrade, or missed by the migration's backfill) stops at zero and is exact again
     * once the owner's pending uploads have all ended.
     */
    static final String ADD = """
            UPDATE pending_uploads SET uploads = GREATEST(uploads + ?, 0), bytes = GREATEST(bytes + ?, 0)
            WHERE owner_id = ?""";

    static final String INSERT = "INSERT INTO pending_uploads (uploads, bytes, owner_id) VALUES (?, ?, ?)";

    static final String SET = "UPDATE pending_uploads SET uploads = ?, bytes = ? WHERE owner_id = ?";

    /** The owner's row, locked until the transaction ends. */
    static final String LOCK = "SELECT uploads, bytes FROM pending_uploads WHERE owner_id = ? FOR UPDATE";

    /** The asset as it is before an update, held locked so the difference applied is the one written. */
    static final String ASSET_BEFORE = """
            SELECT owner_id, stage, file_size FROM assets WHERE id = ? AND message_id = ? FOR UPDATE""";

    private PendingUploads() {
    }

    /** What one asset adds to its owner's row. */
    record Share(long owner, long uploads, long bytes) {
        static Share of(long owner, String stage, long fileSize) {
            return UPLOADING.equals(stage) ? new Share(owner, 1, fileSize) : new Share(owner, 0, 0);
        }

        static Share of(AssetRow row) {
            return of(row.ownerId(), row.stage(), row.fileSize());
        }
    }

    /** An owner's row as stored. */
    private record Totals(long uploads, long bytes) {
    }

    /** New assets: one statement per owner with an upload among them (an album has one owner), owners in order. */
    static void added(Handle handle, Iterable<AssetRow> assets) {
        Map<Long, Share> totals = new TreeMap<>();
        for (AssetRow asset : assets) {
            Share share = Share.of(asset);
            totals.merge(share.owner(), share,
                    (one, other) -> new Share(one.owner(), one.uploads() + other.uploads(), one.bytes() + other.bytes()));
        }
        totals.values().forEach(total -> add(handle, total.owner(), total.uploads(), total.bytes()));
    }

    /** The asset's state before {@code next} is written over it, locked; empty when there is no such asset. */
    static Optional<Share> before(Handle handle, AssetRow next) {
        return Jdbc.prepared(handle, ASSET_BEFORE, statement -> {
            statement.setLong(1, next.id());
            statement.setLong(2, next.messageId());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(Share.of(rows.getLong(1), rows.getString(2), rows.getLong(3)))
                        : Optional.empty();
            }
        });
    }

    /**
     * An asset went from {@code before} to {@code after}: nothing to write unless an upload began or ended. An asset
     * never changes owner.
     */
    static void changed(Handle handle, Share before, Share after) {
        if (before.owner() != after.owner()) {
            throw new IllegalStateException("an asset of user " + before.owner() + " may not pass to " + after.owner());
        }
        add(handle, after.owner(), after.uploads() - before.uploads(), after.bytes() - before.bytes());
    }

    /**
     * Adds to the owner's row, creating it on the owner's first upload: two first uploads may race to insert it; the
     * loser waits for the winner's commit and adds to its row.
     */
    private static void add(Handle handle, long owner, long uploads, long bytes) {
        if (uploads == 0 && bytes == 0) {
            return;
        }
        if (update(handle, ADD, owner, uploads, bytes) == 0
                && !UniqueInsert.attempt(handle,
                        inserting -> update(inserting, INSERT, owner, Math.max(uploads, 0), Math.max(bytes, 0)))
                && update(handle, ADD, owner, uploads, bytes) != 1) {
            throw new IllegalStateException("the pending uploads of user " + owner + " vanished");
        }
    }

    /**
     * The exact usage, counted from the assets with the owner's row locked first (so every asset write that
     * touched it has committed and is counted), and the row set to it when it differs.
     */
    static UsageRow recount(Handle handle, long owner, Instant windowStart) {
        Totals kept = lock(handle, owner).orElseGet(() -> {
            if (UniqueInsert.attempt(handle, inserting -> update(inserting, INSERT, owner, 0, 0))) {
                return new Totals(0, 0);
            }
            return lock(handle, owner).orElseThrow(
                    () -> new IllegalStateException("the pending uploads of user " + owner + " vanished"));
        });
        UsageRow counted = AlbumStatements.usage(handle, owner, UPLOADING, windowStart);
        if (!kept.equals(new Totals(counted.pendingUploads(), counted.pendingBytes()))) {
            update(handle, SET, owner, counted.pendingUploads(), counted.pendingBytes());
        }
        return counted;
    }

    /** The owner's kept uploads and bytes, the row locked; empty when there is no row. */
    private static Optional<Totals> lock(Handle handle, long owner) {
        return Jdbc.prepared(handle, LOCK, statement -> {
            statement.setLong(1, owner);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new Totals(rows.getLong(1), rows.getLong(2))) : Optional.empty();
            }
        });
    }

    /**
     * The kept usage: no earliest deadline (null). A row below zero (only one written before {@link #ADD} stopped at
     * zero could be) is not a usage: it is recounted instead.
     */
    static UsageRow kept(Handle handle, long owner, Instant windowStart) {
        UsageRow kept = read(handle, owner, windowStart);
        if (kept.pendingUploads() >= 0 && kept.pendingBytes() >= 0) {
            return kept;
        }
        UsageRow counted = recount(handle, owner, windowStart);
        return new UsageRow(counted.pendingUploads(), counted.pendingBytes(), null, counted.albums(),
                counted.oldestAlbum());
    }

    private static UsageRow read(Handle handle, long owner, Instant windowStart) {
        return Jdbc.prepared(handle, KEPT_USAGE, statement -> {
            statement.setLong(1, owner);
            Jdbc.setInstant(statement, 2, windowStart);
            statement.setLong(3, owner);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new UsageRow(rows.getLong(1), rows.getLong(2), null, rows.getLong(3),
                        instant(rows.getObject(4, OffsetDateTime.class)));
            }
        });
    }

    /** {@link #ADD}, {@link #INSERT} and {@link #SET} all take the uploads, the bytes, then the owner. */
    private static int update(Handle handle, String sql, long owner, long uploads, long bytes) {
        return Jdbc.prepared(handle, sql, statement -> {
            statement.setLong(1, uploads);
            statement.setLong(2, bytes);
            statement.setLong(3, owner);
            return statement.executeUpdate();
        });
    }

    private static Instant instant(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
