package dev.mosaic.application.port.in;

/** How a client names one of its assets: by id, by the object key it was given, or both. */
public record AssetReference(Long assetId, String objectKey) {
    public AssetReference {
        if (assetId == null && (objectKey == null || objectKey.isBlank())) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, "asset_reference_missing",
                    "name the asset by asset_id or object_key");
        }
    }
}
