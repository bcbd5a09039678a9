package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.Messages;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UploadUsage;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Messages with their assets in maps; every method is atomic. */
public final class InMemoryMessages implements Messages {
    private final Map<MessageId, Message> messages = new HashMap<>();
    private final Map<AssetId, MessageId> assetOwners = new HashMap<>();
    /** Each asset past its upload not swept since its last change: that change, and when its sweep is due. */
    private final Map<AssetId, Unswept> unswept = new HashMap<>();
    private final Map<ObjectKey, RetiredUpload> retired = new HashMap<>();

    private record Unswept(Instant changedAt, Instant since) {
    }

    /** Refuses, before writing anything, a message whose id or asset ids are taken (an asset's key names it). */
    @Override
    public synchronized void add(Message message) {
        if (messages.containsKey(message.id())) {
            throw new IllegalStateException("message " + message.id() + " exists");
        }
        long distinctIds = message.assets().stream().map(Asset::id).distinct().count();
        if (distinctIds != message.assets().size()
                || message.assets().stream().anyMatch(asset -> assetOwners.containsKey(asset.id()))) {
            throw new IllegalStateException("an asset id of message " + message.id() + " is taken");
        }
        messages.put(message.id(), message);
        for (Asset asset : message.assets()) {
            assetOwners.put(asset.id(), message.id());
        }
    }

    @Override
    public synchronized Optional<Message> byId(MessageId id) {
        return Optional.ofNullable(messages.get(id));
    }

    @Override
    public synchronized Optional<Message> byAsset(AssetId id) {
        return Optional.ofNullable(assetOwners.get(id)).map(messages::get);
    }

    /** The fake's transactions already run one at a time, so reading is locking enough. */
    @Override
    public synchronized Optional<Message> lockByAsset(AssetId id) {
        return byAsset(id);
    }

    @Override
    public synchronized Optional<Message> byObjectKey(ObjectKey key) {
        return key.asset().flatMap(asset -> byAsset(asset)
                .filter(message -> message.asset(asset).map(Asset::objectKey).equals(Optional.of(key))));
    }

    @Override
    public synchronized void update(Asset next) {
        Message holder = byAsset(next.id()).orElseThrow(() -> new IllegalStateException("no asset " + next.id()));
        Asset stored = holder.asset(next.id()).orElseThrow();
        if (!stored.messageId().equals(next.messageId())) {
            throw new IllegalArgumentException("an update keeps the asset's message");
        }
        messages.put(holder.id(), holder.withAsset(next));
        if (next.isUploading()) {
            unswept.remove(next.id());
        } else {
            unswept.put(next.id(), new Unswept(next.updatedAt(), next.updatedAt()));
        }
    }

    @Override
    public synchronized List<Asset> unsweptBefore(Instant before, int limit) {
        return unswept.entrySet().stream()
                .filter(entry -> entry.getValue().since().isBefore(before))
                .sorted(Comparator.comparing((Map.Entry<AssetId, Unswept> entry) -> entry.getValue().since())
                        .thenComparingLong(entry -> entry.getKey().value()))
                .limit(Math.max(limit, 0))
                .map(entry -> byAsset(entry.getKey()).flatMap(message -> message.asset(entry.getKey())).orElseThrow())
                .toList();
    }

    @Override
    public synchronized void swept(Asset asset) {
        Unswept waiting = unswept.get(asset.id());
        if (waiting != null && waiting.changedAt().equals(asset.updatedAt())) {
            unswept.remove(asset.id());
        }
    }

    @Override
    public synchronized void sweepLater(Asset asset, Instant at) {
        Unswept waiting = unswept.get(asset.id());
        if (waiting != null && waiting.changedAt().equals(asset.updatedAt())) {
            unswept.put(asset.id(), new Unswept(waiting.changedAt(), at));
        }
    }

    @Override
    public synchronized void retire(RetiredUpload upload) {
        retired.put(upload.key(), upload);
    }

    @Override
    public synchronized List<RetiredUpload> retiredBefore(Instant before, int limit) {
        return retired.values().stream()
                .filter(upload -> upload.retiredAt().isBefore(before))
                .sorted(Comparator.comparing(RetiredUpload::retiredAt).thenComparing(upload -> upload.key().value()))
                .limit(Math.max(limit, 0))
                .toList();
    }

    @Override
    public synchronized void forget(RetiredUpload upload) {
        retired.remove(upload.key());
    }

    @Override
    public synchronized List<Message> conversation(UserId one, UserId other, Optional<MessageId> before,
                                                   int limit) {
        Objects.requireNonNull(before, "before");
        return messages.values().stream()
                .filter(message -> between(message, one, other))
                .filter(message -> before.map(cursor -> message.id().value() < cursor.value()).orElse(true))
                .sorted(Comparator.comparingLong((Message message) -> message.id().value()).reversed())
                .limit(Math.max(limit, 0))
                .toList();
    }

    @Override
    public synchronized List<Asset> uploadsExpiredAt(Instant now, int limit) {
        return messages.values().stream()
                .flatMap(message -> message.assets().stream())
                .filter(asset -> asset.stage() == Stage.UPLOADING && asset.expiresAt().isBefore(now))
                .sorted(Comparator.comparing(Asset::expiresAt).thenComparingLong(asset -> asset.id().value()))
                .limit(Math.max(limit, 0))
                .toList();
    }

    @Override
    public synchronized UploadUsage usage(UserId sender, Instant windowStart) {
        List<Asset> pending = messages.values().stream()
                .flatMap(message -> message.assets().stream())
                .filter(asset -> asset.owner().equals(sender) && asset.stage() == Stage.UPLOADING)
                .toList();
        List<Instant> albums = messages.values().stream()
                .filter(message -> message.sender().equals(sender) && message.createdAt().isAfter(windowStart))
                .map(Message::createdAt)
                .toList();
        return new UploadUsage(pending.size(), pending.stream().mapToLong(Asset::fileSize).sum(),
                pending.stream().map(Asset::expiresAt).min(Comparator.naturalOrder()), albums.size(),
                albums.stream().min(Comparator.naturalOrder()));
    }

    private static boolean between(Message message, UserId one, UserId other) {
        return message.sender().equals(one) && message.receiver().equals(other)
                || message.sender().equals(other) && message.receiver().equals(one);
    }
}
