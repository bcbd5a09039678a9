package dev.mosaic.application.service;

import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UserId;
import java.util.Optional;

/** Finds an asset a user names, only if that user uploads it: anyone else is told it does not exist. */
final class OwnedAssets {
    private final Messages messages;

    OwnedAssets(Messages messages) {
        this.messages = messages;
    }

    Asset find(UserId user, AssetReference reference) {
        Optional<Asset> byId = Optional.ofNullable(reference.assetId())
                .filter(id -> id > 0)
                .map(AssetId::of)
                .flatMap(id -> messages.byAsset(id).flatMap(message -> message.asset(id)));
        Optional<Asset> found = reference.assetId() != null ? byId : byKey(reference.objectKey());
        Asset asset = found.filter(candidate -> candidate.owner().equals(user)).orElseThrow(() ->
                new RequestRejected(RequestRejected.Reason.NOT_FOUND, "asset_not_found", "no such upload of yours"));
        if (reference.objectKey() != null && !asset.objectKey().value().equals(reference.objectKey())) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, "asset_reference_mismatch",
                    "asset_id and object_key name different uploads");
        }
        return asset;
    }

    private Optional<Asset> byKey(String objectKey) {
        return ObjectKey.parse(objectKey).flatMap(key -> messages.byObjectKey(key)
                .flatMap(message -> message.assets().stream()
                        .filter(asset -> asset.objectKey().equals(key)).findFirst()));
    }
}
