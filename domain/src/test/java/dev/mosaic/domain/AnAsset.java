package dev.mosaic.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test fixture: an asset with sensible defaults and {@code with…} tweaks. */
record AnAsset(long id, long messageId, long owner, AssetKind kind, String fileName, ContentType contentType,
               UploadPlan plan, MediaInfo hints) {

    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    static final Duration UPLOAD_WINDOW = Duration.ofHours(24);

    static AnAsset anAsset() {
        return new AnAsset(501, 105, 1, AssetKind.IMAGE, "beach.jpg", ContentType.JPEG,
                new UploadPlan.Direct(3_050_000), MediaInfo.NONE);
    }

    static AnAsset aVideo() {
        return anAsset().withKind(AssetKind.VIDEO).withFileName("party.mp4").withContentType(ContentType.MP4)
                .withMultipart(new UploadPlan.Multipart(15_000_000, 5_242_880, 3), "upload_xyz_123");
    }

    AnAsset withId(long newId) {
        return new AnAsset(newId, messageId, owner, kind, fileName, contentType, plan, hints);
    }

    AnAsset withMessageId(long newMessageId) {
        return new AnAsset(id, newMessageId, owner, kind, fileName, contentType, plan, hints);
    }

    AnAsset withKind(AssetKind newKind) {
        return new AnAsset(id, messageId, owner, newKind, fileName, contentType, plan, hints);
    }

    AnAsset withFileName(String newFileName) {
        return new AnAsset(id, messageId, owner, kind, newFileName, contentType, plan, hints);
    }

    AnAsset withContentType(ContentType newContentType) {
        return new AnAsset(id, messageId, owner, kind, fileName, newContentType, plan, hints);
    }

    AnAsset withMultipart(UploadPlan.Multipart newPlan, String newUploadId) {
        return new AnAsset(id, messageId, owner, kind, fileName, contentType, newPlan.startedAs(newUploadId), hints);
    }

    AnAsset withHints(MediaInfo newHints) {
        return new AnAsset(id, messageId, owner, kind, fileName, contentType, plan, newHints);
    }

    Asset build() {
        return Asset.awaitingUpload(AssetId.of(id), MessageId.of(messageId), UserId.of(owner), kind,
                FileName.sanitize(fileName), contentType, plan, hints, AssetText.NONE, T0, T0.plus(UPLOAD_WINDOW));
    }

    /** The asset after the shortest legal road to {@code stage}. */
    Asset at(Stage stage) {
        Asset fresh = build();
        Instant later = T0.plusSeconds(1);
        return switch (stage) {
            case UPLOADING -> fresh;
            case PROCESSING -> moved(fresh.complete(later));
            case THUMBNAIL_READY -> moved(at(Stage.PROCESSING).thumbnailReady(THUMBNAIL, MediaInfo.NONE, later));
            case TRANSCODING -> moved(at(Stage.THUMBNAIL_READY).transcoding(0, later));
            case READY -> moved(at(Stage.PROCESSING).ready(MediaInfo.NONE, List.of(), later));
            case FAILED -> moved(fresh.reject("upload_invalid", later));
            case CANCELLED -> moved(fresh.cancel(later));
            case EXPIRED -> moved(fresh.expire(fresh.expiresAt().plusSeconds(1)));
        };
    }

    static final Rendition THUMBNAIL = new Rendition(Rendition.Kind.THUMBNAIL,
            new ObjectKey("derived/1/501/thumbnail.webp"), new ContentType("image/webp"), 320, 240);

    /** The asset a transition moved to; fails the test when it refused. */
    static Asset moved(AssetMove move) {
        if (move instanceof AssetMove.Moved moved) {
            return moved.asset();
        }
        throw new AssertionError("expected a move, was " + move);
    }
}
