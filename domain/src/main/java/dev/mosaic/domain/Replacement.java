package dev.mosaic.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Another file for a cell of an album, as the sender describes it: the asset keeps its id and its place,
 * and gets these instead, under a new object key (no URL signed for the old file can write it).
 *
 * @param objectKey the next generation of the asset's key ({@link ObjectKey#nextGeneration}); a multipart
 *                  {@code plan} is already started there
 * @param expiresAt when the new upload is given up if never completed
 */
public record Replacement(AssetKind kind, FileName fileName, ContentType contentType, ObjectKey objectKey,
                          UploadPlan plan, MediaInfo hints, AssetText text, Instant expiresAt) {
    public Replacement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(hints, "hints");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
