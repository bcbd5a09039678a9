package dev.mosaic.application.port.out;

import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadUsage;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Albums and their assets. Writes happen inside a {@link TransactionRunner} transaction. */
public interface Messages {

    /** Stores a new message with all its assets. */
    void add(Message message);

    Optional<Message> byId(MessageId id);

    /** The message holding this asset, with all its assets. */
    Optional<Message> byAsset(AssetId id);

    /**
     * As {@link #byAsset}, and holds the message locked until the transaction ends, so changes to
     * one album's assets happen one at a time (who settles the album last must see the others).
     */
    Optional<Message> lockByAsset(AssetId id);

    /**
     * The album of the asset the key names ({@link ObjectKey#asset()}), when that asset holds exactly this key now:
     * a key naming no asset, another asset's, an earlier generation, a sealed or a rendition key finds nothing.
     */
    Optional<Message> byObjectKey(ObjectKey key);

    /**
     * Stores an asset's next state, in the transaction that locked its album with {@link #lockByAsset}:
     * that lock is the one guard against a concurrent change.
     */
    void update(Asset next);

    /** Messages between two users, newest first, older than {@code before} when given. */
    List<Message> conversation(UserId one, UserId other, Optional<MessageId> before, int limit);

    /**
     * What {@code sender} has in flight: assets still uploading (count, declared bytes, earliest deadline), and
     * albums sent after {@code windowStart} (count, oldest).
     */
    UploadUsage usage(UserId sender, Instant windowStart);

    /** Assets still uploading whose upload deadline is before {@code now}, oldest first. */
    List<Asset> uploadsExpiredAt(Instant now, int limit);

    /**
     * Assets past their upload (any stage but uploading) whose stored objects were not swept since their last
     * change, that change made before {@code before}; the longest waiting first.
     */
    List<Asset> unsweptBefore(Instant before, int limit);

    /** The asset's objects were swept as of this state of it; a change made since is swept again. */
    void swept(Asset asset);

    /**
     * Sweeping this state of the asset failed: it waits as if it had changed at {@code at}, behind the assets
     * waiting longer, so one asset whose sweep keeps failing never holds up the others. Nothing when the asset has
     * changed since (that change is swept anyway).
     */
    void sweepLater(Asset asset, Instant at);

    /**
     * Keeps, with the transaction of the replacement, the raw key (and multipart upload) of a file another one
     * replaced: its upload URLs may still be writing, and S3 and GCS would let a late PUT re-create the object
     * after it was deleted. Kept again with a later time if it is kept already.
     */
    void retire(RetiredUpload upload);

    /** Retired uploads retired before {@code before}, the oldest first. */
    List<RetiredUpload> retiredBefore(Instant before, int limit);

    /** The retired upload was swept: nothing writes to it any more. */
    void forget(RetiredUpload upload);

    /**
     * The raw key of a replaced file, and its multipart upload's id when it had one, since {@code retiredAt}:
     * none of its upload URLs writes later than the upload URL lifetime (plus a grace) after that.
     */
    record RetiredUpload(ObjectKey key, Optional<String> uploadId, Instant retiredAt) {
        public RetiredUpload {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(uploadId, "uploadId");
            Objects.requireNonNull(retiredAt, "retiredAt");
        }

        public RetiredUpload at(Instant later) {
            return new RetiredUpload(key, uploadId, later);
        }
    }
}
