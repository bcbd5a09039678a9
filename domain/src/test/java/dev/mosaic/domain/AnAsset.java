package dev.mosaic.domain;

import java.time.Duration;
import java.time.Instant;

/** Test fixture: an asset with sensible defaults and {@code with…} tweaks. */
record AnAsset(long id, long messageId, long owner, AssetKind kind, String fileName, ContentType contentType,
               UploadPlan plan, String uploadId, MediaInfo hints) {

    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    static final Duration UPLOAD_WINDOW = Duration.ofHours(24);

    static AnAsset anAsset() {
        return new AnAsset(501, 105, 1, AssetKind.IMAGE, "beach.jpg", ContentType.JPEG,
                new UploadPlan.Direct(3_050_000), null, MediaInfo.NONE);
    }

    static AnAsset aVideo() {
        return anAsset().withKind(AssetKind.VIDEO).withFileName("party.mp4").withContentType(ContentType.MP4)
                .withMultipart(new UploadPlan.Multipart(15_000_000, 5_242_880, 3), "upload_xyz_123");
    }

    AnAsset withId(long newId) {
        return new AnAsset(newId, messageId, owner, kind, fileName, contentType, plan, uploadId, hints);
    }

    AnAsset withMessageId(long newMessageId) {
        return new AnAsset(id, newMessageId, owner, kind, fileName, contentType, plan, uploadId, hints);
    }

    AnAsset withKind(AssetKind newKind) {
        return new AnAsset(id, messageId, owner, newKind, fileName, contentType, plan, uploadId, hints);
    }

    AnAsset withFileName(String newFileName) {
        return new AnAsset(id, messageId, owner, kind, newFileName, contentType, plan, uploadId, hints);
    }

    AnAsset withContentType(ContentType newContentType) {
        return new AnAsset(id, messageId, owner, kind, fileName, newContentType, plan, uploadId, hints);
    }

    AnAsset withMultipart(UploadPlan.Multipart newPlan, String newUploadId) {
        return new AnAsset(id, messageId, owner, kind, fileName, contentType, newPlan, newUploadId, hints);
    }

    AnAsset withHints(MediaInfo newHints) {
        return new AnAsset(id, messageId, owner, kind, fileName, contentType, plan, uploadId, newHints);
    }

    Asset build() {
        return Asset.awaitingUpload(AssetId.of(id), MessageId.of(messageId), UserId.of(owner), kind,
                FileName.sanitize(fileName), contentType, plan, uploadId, hints, T0, T0.plus(UPLOAD_WINDOW));
    }

    /** The asset after the shortest legal road to {@code stage}. */
    Asset at(Stage stage) {
        Asset fresh = build();
        Instant later = T0.plusSeconds(1);
        return switch (stage) {
            case UPLOADING -> fresh;
            case PROCESSING -> fresh.moveTo(Stage.PROCESSING, later);
            case THUMBNAIL_READY, TRANSCODING, READY -> fresh.moveTo(Stage.PROCESSING, later).moveTo(stage, later);
            case FAILED -> fresh.fail("upload_invalid", later);
            case CANCELLED, EXPIRED -> fresh.moveTo(stage, later);
        };
    }
}
