package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.domain.UserId;

/** The body of {@code POST /api/v1/files/upload/abort/}. */
record AbortUploadRequest(Long assetId, String objectKey) {

    AbortUploadCommand toCommand(UserId user) {
        return new AbortUploadCommand(user, new AssetReference(assetId, objectKey));
    }
}
