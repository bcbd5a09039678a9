package dev.mosaic.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attachment of an album: what the client declared, where its bytes go, how far it got.
 * Immutable; every change returns a new asset and goes through the {@link Stage} table.
 *
 * @param uploadId    the storage's multipart upload id, null for direct uploads
 * @param failureCode why the asset failed, null unless {@link Stage#FAILED}
 * @param expiresAt   when an upload never completed is given up
 */
public record Asset(
        AssetId id,
        MessageId messageId,
        UserId owner,
        AssetKind kind,
        FileName fileName,
        ContentType contentType,
        ObjectKey objectKey,
        UploadPlan plan,
        String uploadId,
        Stage stage,
        int progress,
        MediaInfo info,
        List<Rendition> renditions,
        String failureCode,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt) {

    public Asset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        renditions = List.copyOf(renditions);
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be 0..100: " + progress);
        }
        if ((plan instanceof UploadPlan.Multipart) != (uploadId != null)) {
            throw new IllegalArgumentException("a multipart plan needs an upload id, a direct one none");
        }
        if ((stage == Stage.FAILED) != (failureCode != null)) {
            throw new IllegalArgumentException("only a failed asset has a failure code");
        }
    }

    /** A fresh asset waiting for its bytes. */
    public static Asset awaitingUpload(AssetId id, MessageId messageId, UserId owner, AssetKind kind,
                                       FileName fileName, ContentType contentType, UploadPlan plan,
                                       String uploadId, MediaInfo hints, Instant now, Instant expiresAt) {
        return new Asset(id, messageId, owner, kind, fileName, contentType, ObjectKey.raw(owner, id, fileName),
                plan, uploadId, Stage.UPLOADING, 0, hints, List.of(), null, now, now, expiresAt);
    }

    /** Moves along the stage table; progress is 100 on {@code thumbnail_ready} and {@code ready}. */
    public Asset moveTo(Stage next, Instant now) {
        if (next == Stage.FAILED) {
            throw new IllegalArgumentException("use fail(code, now) to fail an asset");
        }
        return advance(next, defaultProgress(next), null, now);
    }

    public Asset transcoding(int percent, Instant now) {
        return advance(Stage.TRANSCODING, percent, null, now);
    }

    public Asset fail(String code, Instant now) {
        Objects.requireNonNull(code, "code");
        return advance(Stage.FAILED, progress, code, now);
    }

    private Asset advance(Stage next, int nextProgress, String failure, Instant now) {
        if (!stage.canMoveTo(next)) {
            throw new IllegalStageTransition(id, stage, next);
        }
        return new Asset(id, messageId, owner, kind, fileName, contentType, objectKey, plan, uploadId, next,
                nextProgress, info, renditions, failure, createdAt, now, expiresAt);
    }

    private int defaultProgress(Stage next) {
        return switch (next) {
            case THUMBNAIL_READY, READY -> 100;
            case TRANSCODING -> 0;
            case UPLOADING, PROCESSING, FAILED, CANCELLED, EXPIRED -> progress;
        };
    }

    public Asset withRendition(Rendition rendition) {
        List<Rendition> next = new ArrayList<>(renditions);
        next.removeIf(existing -> existing.kind() == rendition.kind());
        next.add(rendition);
        return new Asset(id, messageId, owner, kind, fileName, contentType, objectKey, plan, uploadId, stage,
                progress, info, next, failureCode, createdAt, updatedAt, expiresAt);
    }

    public Asset withInfo(MediaInfo found) {
        return new Asset(id, messageId, owner, kind, fileName, contentType, objectKey, plan, uploadId, stage,
                progress, info.overriddenBy(found), renditions, failureCode, createdAt, updatedAt, expiresAt);
    }

    public Optional<Rendition> rendition(Rendition.Kind wanted) {
        return renditions.stream().filter(rendition -> rendition.kind() == wanted).findFirst();
    }

    public boolean isMultipart() {
        return plan instanceof UploadPlan.Multipart;
    }

    public long fileSize() {
        return plan.fileSize();
    }
}
