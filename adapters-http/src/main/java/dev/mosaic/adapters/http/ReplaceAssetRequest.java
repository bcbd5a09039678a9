package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.ReplaceAssetCommand;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.domain.UserId;

/** The body of {@code POST /api/v1/files/upload/replace/}: the cell, and the new file as a batch attachment. */
record ReplaceAssetRequest(Long assetId, String objectKey, String fileName, Long fileSize, String contentType,
                           String kind, Long clientPartSize, Long clientNumParts, Integer width, Integer height,
                           Double duration, String placeholder, String caption, String altText) {

    ReplaceAssetCommand toCommand(UserId sender, String idempotencyKey) {
        return new ReplaceAssetCommand(sender, new AssetReference(assetId, objectKey),
                new SendAlbumCommand.Attachment(fileName, fileSize, contentType, kind, clientPartSize, clientNumParts,
                        width, height, duration, placeholder, caption, altText), idempotencyKey);
    }
}
