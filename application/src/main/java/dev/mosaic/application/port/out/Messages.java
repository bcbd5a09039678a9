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
}
