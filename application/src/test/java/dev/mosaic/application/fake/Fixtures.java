package dev.mosaic.application.fake;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.MessageView;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.AssetText;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.AssetMove;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.FileName;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Rendition;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Test data with defaults: {@code Fixtures.message(100).with(asset(500), asset(501).multipart()).build()}.
 * Every instant is whole microseconds, the precision databases keep.
 */
public final class Fixtures {
    public static final UserId SENDER = UserId.of(1);
    public static final UserId RECEIVER = UserId.of(2);
    public static final UserId STRANGER = UserId.of(3);
    /** A fixed "now" with a sub-millisecond part, to catch lost precision. */
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");
    public static final Duration UPLOAD_WINDOW = Duration.ofHours(1);
    public static final long MIB = 1024L * 1024L;

    private Fixtures() {
    }

    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The asset a transition moved to; fails the test when the transition refused. */
    public static Asset moved(AssetMove move) {
        if (move instanceof AssetMove.Moved moved) {
            return moved.asset();
        }
        throw new AssertionError("expected the asset to move, was " + move);
    }

    public static MessageFixture message(long id) {
        return new MessageFixture(id, SENDER, RECEIVER, "holiday pictures", T0, List.of());
    }

    /** An image of 1000 bytes, uploading directly, with no hints. */
    public static AssetFixture asset(long id) {
        return new AssetFixture(id, 0, SENDER, AssetKind.IMAGE, "photo " + id + ".jpg", ContentType.JPEG,
                null, new UploadPlan.Direct(1000), null, Stage.UPLOADING, 0, MediaInfo.NONE, List.of(), null,
                T0, T0, T0.plus(UPLOAD_WINDOW));
    }

    /** One grid cell as an event would carry it; the optional fields are absent. */
    public static AssetView assetView(long messageId, long assetId, Stage stage) {
        return new AssetView(messageId, assetId, "image", "photo.jpg", 1000, "image/jpeg", stage.wireName(),
                stage == Stage.READY ? 100 : 0, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A grid cell with every optional field present. */
    public static AssetView fullAssetView(long messageId, long assetId) {
        return new AssetView(messageId, assetId, "video", "clip «1».mp4", 12 * MIB, "video/mp4", "failed", 42,
                1920, 1080, 12.5, "LEHV6nWB2yk8pyo0adR*.7kCMdnj", "https://x/thumb?sig=1", "https://x/preview",
                "https://x/play", "https://x/raw?download=1", "media_unreadable", "the «best» one",
                "a red car on a beach");
    }

    public static MessageView messageView(long messageId, AssetView... assets) {
        return new MessageView(messageId, SENDER.value(), RECEIVER.value(), "holiday \"pictures\"",
                T0.toString(), false, List.of(assets));
    }

    /** The fact that asset {@code assetId} of message {@code messageId} reached {@code stage}. */
    public static Fact update(long messageId, long assetId, Stage stage) {
        return new Fact.AssetChanged(asset(assetId).inMessage(messageId).at(stage, stage == Stage.READY ? 100 : 0)
                .build());
    }

    /** A message with its assets, each built with this message's id and the sender as owner. */
    public record MessageFixture(long id, UserId sender, UserId receiver, String text, Instant createdAt,
                                 List<AssetFixture> assets) {
        public MessageFixture with(AssetFixture... added) {
            List<AssetFixture> all = new ArrayList<>(assets);
            all.addAll(Arrays.asList(added));
            return new MessageFixture(id, sender, receiver, text, createdAt, all);
        }

        public MessageFixture between(UserId from, UserId to) {
            return new MessageFixture(id, from, to, text, createdAt, assets);
        }

        public MessageFixture withText(String newText) {
            return new MessageFixture(id, sender, receiver, newText, createdAt, assets);
        }

        public MessageFixture createdAt(Instant at) {
            return new MessageFixture(id, sender, receiver, text, micros(at), assets);
        }

        public Message build() {
            return new Message(MessageId.of(id), sender, receiver, text, createdAt,
                    assets.stream().map(asset -> asset.inMessage(id).ownedBy(sender).build()).toList());
        }
    }

    /** An asset; {@code objectKey} null means the key the server would make. */
    public record AssetFixture(long id, long messageId, UserId owner, AssetKind kind, String fileName,
                               ContentType contentType, ObjectKey objectKey, UploadPlan plan, String uploadId,
                               Stage stage, int progress, MediaInfo info, List<Rendition> renditions,
                               String failureCode, Instant createdAt, Instant updatedAt, Instant expiresAt) {

        public AssetFixture inMessage(long message) {
            return new AssetFixture(id, message, owner, kind, fileName, contentType, objectKey, plan, uploadId,
                    stage, progress, info, renditions, failureCode, createdAt, updatedAt, expiresAt);
        }

        public AssetFixture ownedBy(UserId user) {
            return new AssetFixture(id, messageId, user, kind, fileName, contentType, objectKey, plan, uploadId,
                    stage, progress, info, renditions, failureCode, createdAt, updatedAt, expiresAt);
        }

        public AssetFixture video() {
            return new AssetFixture(id, messageId, owner, AssetKind.VIDEO, "clip " + id + ".mp4", ContentType.MP4,
                    objectKey, plan, uploadId, stage, progress, info, renditions, failureCode, createdAt,
                    updatedAt, expiresAt);
        }

        public AssetFixture named(String name, ContentType type) {
            return new AssetFixture(id, messageId, owner, kind, name, type, objectKey, plan, uploadId, stage,
                    progress, info, renditions, failureCode, createdAt, updatedAt, expiresAt);
        }

        public AssetFixture direct(long fileSize) {
            return new AssetFixture(id, messageId, owner, kind, fileName, contentType, objectKey,
                    new UploadPlan.Direct(fileSize), null, stage, progress, info, renditions, failureCode,
                    createdAt, updatedAt, expiresAt);
        }

        /** 12 MiB in three parts of 5 MiB (the last one 2 MiB). */
        public AssetFixture multipart() {
            return multipart(12 * MIB, 5 * MIB);
        }

        public AssetFixture multipart(long fileSize, long partSize) {
            int parts = (int) UploadPlan.ceilDiv(fileSize, partSize);
            return new AssetFixture(id, messageId, owner, kind, fileName, contentType, objectKey,
                    new UploadPlan.Multipart(fileSize, partSize, parts), "upload-" + id, stage, progress, info,
                    renditions, failureCode, createdAt, updatedAt, expiresAt);
        }

        public AssetFixture at(Stage newStage, int newProgress) {
            String failure = newStage == Stage.FAILED ? (failureCode == null ? "media_unreadable" : failureCode)
                    : null;
            return new AssetFixture(id, messageId, owner, kind, fileName, contentType, objectKey, plan, uploadId,
                    newStage, newProgress, info, renditions, failure, createdAt, updatedAt, expiresAt);
        }

        public AssetFixture failed(String code) {
            return new AssetFixture(id, messageId, owner, kind, fileName, contentType, objectKey, plan, uploadId,
                    Stage.FAILED, progress, info, renditions, code, createdAt, updatedAt, expiresAt);
        }

        public AssetFixture withInfo(MediaInfo newInfo) {
            return new AssetFixture(id, messageId, owner, kind, fileName, contentType, objectKey, plan, uploadId,
                    stage, progress, newInfo, renditions, failureCode, createdAt, updatedAt, expiresAt);
        }

        /** Adds a rendition stored at {@code derived/<owner>/<id>/<kind>.<ext>}. */
        public AssetFixture withRendition(Rendition.Kind renditionKind, ContentType type, int width, int height) {
            List<Rendition> all = new ArrayList<>(renditions);
            String extension = type.value().substring(type.value().indexOf('/') + 1);
            all.add(new Rendition(renditionKind,
                    ObjectKey.derived(owner, AssetId.of(id), renditionKind.wireName() + "." + extension),
                    type, width, height));
            return new AssetFixture(id, messageId, owner, kind, fileName, contentType, objectKey, plan, uploadId,
                    stage, progress, info, all, failureCode, createdAt, updatedAt, expiresAt);
        }

        public AssetFixture updatedAt(Instant at) {
            return new AssetFixture(id, messageId, owner, kind, fileName, contentType, objectKey, plan, uploadId,
                    stage, progress, info, renditions, failureCode, createdAt, micros(at), expiresAt);
        }

        public AssetFixture createdAt(Instant at) {
            return new AssetFixture(id, messageId, owner, kind, fileName, contentType, objectKey, plan, uploadId,
                    stage, progress, info, renditions, failureCode, micros(at), updatedAt, expiresAt);
        }

        public AssetFixture expiresAt(Instant at) {
            return new AssetFixture(id, messageId, owner, kind, fileName, contentType, objectKey, plan, uploadId,
                    stage, progress, info, renditions, failureCode, createdAt, updatedAt, micros(at));
        }

        /** Needs a message id: build assets through {@link MessageFixture#build()} or call {@link #inMessage}. */
        public Asset build() {
            FileName name = FileName.sanitize(fileName);
            AssetId assetId = AssetId.of(id);
            ObjectKey key = objectKey != null ? objectKey : ObjectKey.raw(owner, assetId, name);
            UploadPlan started = plan instanceof UploadPlan.Multipart multipart ? multipart.startedAs(uploadId) : plan;
            return new Asset(assetId, MessageId.of(messageId), owner, kind, name, contentType, key, started, stage,
                    progress, info, renditions, Optional.ofNullable(failureCode), createdAt, updatedAt, expiresAt,
                    AssetText.NONE, List.of());
        }
    }
}
