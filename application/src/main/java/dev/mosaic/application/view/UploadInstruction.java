package dev.mosaic.application.view;

import java.util.Map;

/**
 * How to upload one attachment. Direct: PUT the file to {@code putUrl} with {@code headers}.
 * Multipart: PUT each part to its URL in {@code batch}, keep each answer's ETag, then complete.
 */
public record UploadInstruction(
        long assetId,
        String objectKey,
        String fileName,
        String kind,
        String mode,
        String expiresAt,
        String putUrl,
        Map<String, String> headers,
        String uploadId,
        Long partSize,
        Integer numParts,
        PartBatch batch) {
}
