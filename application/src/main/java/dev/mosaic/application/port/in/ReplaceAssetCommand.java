package dev.mosaic.application.port.in;

import dev.mosaic.domain.UserId;
import java.util.Objects;

/**
 * One replace request, as the client sent it: the cell, and the new file described as a batch request's
 * attachment is; the policy checks happen in the use case.
 *
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
 */
public record ReplaceAssetCommand(UserId sender, AssetReference asset, SendAlbumCommand.Attachment file,
                                  String idempotencyKey) {

    public ReplaceAssetCommand {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(file, "file");
        SendAlbumCommand.checkIdempotencyKey(idempotencyKey);
    }

    /** What a repeated request must match: everything but the key, as canonical JSON with explicit nulls, hashed. */
    public String fingerprint() {
        CanonicalJson json = new CanonicalJson().open('{').field("replace_asset_id", asset.assetId())
                .field("object_key", asset.objectKey()).name("file");
        SendAlbumCommand.write(json, file);
        return json.close('}').sha256();
    }
}
