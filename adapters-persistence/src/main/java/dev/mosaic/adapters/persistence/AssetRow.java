package dev.mosaic.adapters.persistence;

import java.time.Instant;

/**
 * One row of {@code assets}; enums by name, renditions and superseded object keys as JSON arrays (a row
 * logged before they existed reads them as null).
 * Public only because JDBI binds the methods of public types; used in this package alone.
 */
public record AssetRow(
        long id,
        long messageId,
        int displayOrder,
        long ownerId,
        String kind,
        String fileName,
        String contentType,
        String objectKey,
        String uploadMode,
        long fileSize,
        Long partSize,
        Integer numParts,
        String uploadId,
        String stage,
        int progress,
        Integer width,
        Integer height,
        Long durationMillis,
        String placeholder,
        String renditions,
        String failureCode,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        String caption,
        String altText,
        String supersededKeys) {
}
