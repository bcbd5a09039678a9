package dev.mosaic.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An album message: one text and its ordered assets, between a sender and a receiver. */
public record Message(MessageId id, UserId sender, UserId receiver, String text, Instant createdAt,
                      List<Asset> assets) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(createdAt, "createdAt");
        text = text == null ? "" : text;
        assets = List.copyOf(assets);
        if (assets.stream().anyMatch(asset -> !asset.messageId().equals(id))) {
            throw new IllegalArgumentException("every asset belongs to message " + id);
        }
    }

    public boolean involves(UserId user) {
        return sender.equals(user) || receiver.equals(user);
    }

    /** The two people who see this message and its events, sender first. */
    public List<UserId> audience() {
        return sender.equals(receiver) ? List.of(sender) : List.of(sender, receiver);
    }

    /** The asset of this album with this id. */
    public Optional<Asset> asset(AssetId assetId) {
        return assets.stream().filter(asset -> asset.id().equals(assetId)).findFirst();
    }

    /** Every asset has reached a stage nothing follows: the album is settled. */
    public boolean isSettled() {
        return assets.stream().allMatch(asset -> asset.stage().isTerminal());
    }

    public Message withAsset(Asset changed) {
        return new Message(id, sender, receiver, text, createdAt,
                assets.stream().map(asset -> asset.id().equals(changed.id()) ? changed : asset).toList());
    }
}
