package dev.mosaic.domain;

import dev.mosaic.domain.AssetMove.Moved;
import dev.mosaic.domain.AssetMove.Refused;
import dev.mosaic.domain.AssetMove.Why;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attachment of an album: what the client declared, where its bytes go, how far it got.
 * Everything an asset can do is a transition below, named by intent; each answers the next
 * asset, or {@link Refused} with why the asset stays as it is. Callers store what they are given.
 *
 * <pre>
 * uploading ─complete─► processing ─thumbnailReady─► thumbnail_ready ─transcoding─► transcoding ─ready─► ready
 *     │                     │  (ready, transcoding, fail from any processing stage)
 *     ├─cancel─► cancelled  └─fail(code)─► failed
 *     ├─expire─► expired
 *     └─reject(code)─► failed   (the uploaded bytes are not what was declared)
 *
 * failed, cancelled, expired ─replace─► uploading   (a retry: the old file's objects go at once)
 * ready                      ─replace─► uploading   (a swap: the old file's objects are superseded,
 *                                                    and go once the new file settles)
 * </pre>
 *
 * @param plan        how the bytes travel; a multipart plan holds the store's upload id
 * @param failureCode why the asset failed: present exactly when the stage is {@link Stage#FAILED}
 * @param expiresAt   when an upload never completed is given up
 * @param text        the sender's caption and alt text for this item
 * @param superseded  the objects of a file this one replaced in a ready cell, kept until this one settles
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
        Stage stage,
        int progress,
        MediaInfo info,
        List<Rendition> renditions,
        Optional<String> failureCode,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        AssetText text,
        List<ObjectKey> superseded) {

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
        Objects.requireNonNull(failureCode, "failureCode");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(text, "text");
        renditions = List.copyOf(renditions);
        superseded = List.copyOf(superseded);
        if (!objectKey.names(id)) {
            // what keeps two assets from sharing a key (the database no longer checks it: issue 15)
            throw new IllegalArgumentException("asset " + id + " cannot have the key " + objectKey);
        }
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be 0..100: " + progress);
        }
        if (plan instanceof UploadPlan.Multipart multipart && multipart.uploadId().isEmpty()) {
            throw new IllegalArgumentException("an asset's multipart upload is started before the asset exists");
        }
        if ((stage == Stage.FAILED) != failureCode.isPresent()) {
            throw new IllegalArgumentException("a failed asset, and only a failed one, has a failure code");
        }
    }

    /** A fresh asset waiting for its bytes; a multipart {@code plan} is already started by the store. */
    public static Asset awaitingUpload(AssetId id, MessageId messageId, UserId owner, AssetKind kind,
                                       FileName fileName, ContentType contentType, UploadPlan plan,
                                       MediaInfo hints, AssetText text, Instant now, Instant expiresAt) {
        return new Asset(id, messageId, owner, kind, fileName, contentType, ObjectKey.raw(owner, id, fileName),
                plan, Stage.UPLOADING, 0, hints, List.of(), Optional.empty(), now, now, expiresAt, text, List.of());
    }

    // ---- while uploading

    /** The client says its bytes are there, and they were verified: processing starts. */
    public AssetMove complete(Instant now) {
        return uploading(() -> to(Stage.PROCESSING, progress, now), Why.ALREADY_DONE);
    }

    /** The uploaded bytes are not what was declared (size, type): the asset fails with {@code code}. */
    public AssetMove reject(String code, Instant now) {
        Objects.requireNonNull(code, "code");
        return uploading(() -> failed(code, now), Why.ALREADY_DONE);
    }

    /** The sender gives the upload up; cancelling twice answers the cancelled asset. */
    public AssetMove cancel(Instant now) {
        if (stage == Stage.CANCELLED) {
            return new Refused(this, Why.ALREADY_DONE);
        }
        return stage == Stage.UPLOADING ? new Moved(to(Stage.CANCELLED, progress, now))
                : new Refused(this, Why.NOT_ALLOWED);
    }

    /** An upload never completed by its deadline is given up; before the deadline nothing happens. */
    public AssetMove expire(Instant now) {
        if (stage == Stage.EXPIRED) {
            return new Refused(this, Why.ALREADY_DONE);
        }
        return stage == Stage.UPLOADING && now.isAfter(expiresAt) ? new Moved(to(Stage.EXPIRED, progress, now))
                : new Refused(this, Why.NOT_ALLOWED);
    }

    /** Whether the client may still send bytes: upload URLs, part URLs and progress are for this stage only. */
    public boolean isUploading() {
        return stage == Stage.UPLOADING;
    }

    // ---- while processing

    /** The first picture exists: the cell can show it. Once only: a retried job tells no one again. */
    public AssetMove thumbnailReady(Rendition thumbnail, MediaInfo found, Instant now) {
        if (stage != Stage.PROCESSING) {
            return new Refused(this, stage.isProcessing() || stage == Stage.READY ? Why.ALREADY_DONE : Why.NOT_ALLOWED);
        }
        return new Moved(withFindings(found, List.of(thumbnail)).to(Stage.THUMBNAIL_READY, 100, now));
    }

    /** The playable rendition is {@code percent} done; the same percent again changes nothing. */
    public AssetMove transcoding(int percent, Instant now) {
        int bounded = Math.max(0, Math.min(100, percent));
        if (!stage.isProcessing()) {
            return new Refused(this, Why.NOT_ALLOWED);
        }
        if (stage == Stage.TRANSCODING && progress == bounded) {
            return new Refused(this, Why.ALREADY_DONE);
        }
        return new Moved(to(Stage.TRANSCODING, bounded, now));
    }

    /** Processing is done: what it found and made is kept, and the asset is ready. */
    public AssetMove ready(MediaInfo found, List<Rendition> made, Instant now) {
        if (!stage.isProcessing()) {
            return new Refused(this, stage == Stage.READY ? Why.ALREADY_DONE : Why.NOT_ALLOWED);
        }
        return new Moved(withFindings(found, made).to(Stage.READY, 100, now));
    }

    /** The file can never be processed (or processing was given up): the asset fails with {@code code}. */
    public AssetMove fail(String code, Instant now) {
        Objects.requireNonNull(code, "code");
        if (!stage.isProcessing()) {
            return new Refused(this, stage == Stage.FAILED ? Why.ALREADY_DONE : Why.NOT_ALLOWED);
        }
        return new Moved(failed(code, now));
    }

    /** Whether a processing job still has work to do on this asset. */
    public boolean isBeingProcessed() {
        return stage.isProcessing();
    }

    // ---- once it has ended

    /**
     * The sender puts another file in this cell. A failed, cancelled or expired cell is retried: the caller
     * deletes the old file's objects ({@link #storedObjects}) at once. A ready cell is swapped: its objects
     * are kept as {@link #superseded} until the new file settles. A cell still uploading or processing is
     * refused, as is a replacement made for another generation of the cell (another replaced it meanwhile).
     */
    public AssetMove replace(Replacement next, Instant now) {
        Objects.requireNonNull(next, "next");
        if (!canBeReplaced() || !next.objectKey().equals(objectKey.nextGeneration(next.fileName()))) {
            return new Refused(this, Why.NOT_ALLOWED);
        }
        List<ObjectKey> kept = new ArrayList<>(superseded);
        if (stage == Stage.READY) {
            kept.addAll(storedObjects());
        }
        return new Moved(new Asset(id, messageId, owner, next.kind(), next.fileName(), next.contentType(),
                next.objectKey(), next.plan(), Stage.UPLOADING, 0, next.hints(), List.of(), Optional.empty(),
                createdAt, now, next.expiresAt(), next.text(), kept));
    }

    /** Whether the sender may put another file in this cell: not while it uploads or is processed. */
    public boolean canBeReplaced() {
        return stage.isTerminal();
    }

    /** Every object this file may have in the store: its upload, its sealed copy, its renditions. */
    public List<ObjectKey> storedObjects() {
        List<ObjectKey> keys = new ArrayList<>(List.of(objectKey, objectKey.sealed()));
        renditions.forEach(rendition -> keys.add(rendition.key()));
        return keys;
    }

    /** The superseded objects this asset holds that {@code next} lets go: nothing serves them any more. */
    public List<ObjectKey> releasedIn(Asset next) {
        return superseded.stream().filter(key -> !next.superseded().contains(key)).toList();
    }

    // ---- what anyone may ask

    /** The original file may be downloaded once it is verified, and as long as it is kept. */
    public boolean isDownloadable() {
        return stage.isProcessing() || stage == Stage.READY;
    }

    public Optional<Rendition> rendition(Rendition.Kind wanted) {
        return renditions.stream().filter(rendition -> rendition.kind() == wanted).findFirst();
    }

    /** The multipart plan, when the bytes travel in parts. */
    public Optional<UploadPlan.Multipart> multipart() {
        return plan instanceof UploadPlan.Multipart multipart ? Optional.of(multipart) : Optional.empty();
    }

    public boolean isMultipart() {
        return plan instanceof UploadPlan.Multipart;
    }

    public long fileSize() {
        return plan.fileSize();
    }

    private AssetMove uploading(java.util.function.Supplier<Asset> next, Why otherwise) {
        if (stage == Stage.UPLOADING) {
            return new Moved(next.get());
        }
        return new Refused(this, stage == Stage.CANCELLED || stage == Stage.EXPIRED ? Why.NOT_ALLOWED : otherwise);
    }

    /** A file that settles lets go of the one it replaced. */
    private Asset to(Stage next, int nextProgress, Instant now) {
        return new Asset(id, messageId, owner, kind, fileName, contentType, objectKey, plan, next, nextProgress,
                info, renditions, Optional.empty(), createdAt, now, expiresAt, text,
                next.isTerminal() ? List.of() : superseded);
    }

    private Asset failed(String code, Instant now) {
        return new Asset(id, messageId, owner, kind, fileName, contentType, objectKey, plan, Stage.FAILED, progress,
                info, renditions, Optional.of(code), createdAt, now, expiresAt, text, List.of());
    }

    /** Facts found by processing replace the client's hints; a new rendition replaces one of its kind. */
    private Asset withFindings(MediaInfo found, List<Rendition> made) {
        List<Rendition> next = new ArrayList<>(renditions);
        for (Rendition rendition : made) {
            next.removeIf(existing -> existing.kind() == rendition.kind());
            next.add(rendition);
        }
        return new Asset(id, messageId, owner, kind, fileName, contentType, objectKey, plan, stage, progress,
                info.overriddenBy(found), next, failureCode, createdAt, updatedAt, expiresAt, text, superseded);
    }
}
