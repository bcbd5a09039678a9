package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.RECEIVER;
import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static dev.mosaic.application.service.GuideStoryTest.STRANGER;
import static dev.mosaic.application.service.GuideStoryTest.bytesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.event.Event;
import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.QuotaExceeded;
import dev.mosaic.application.port.in.ReplaceAssetCommand;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.AssetMove;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Rendition;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UploadQuota;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Replacing one cell of an album, from every stage the cell can be in. */
class ReplaceAssetTest {
    static final ContentType PDF = new ContentType("application/pdf");
    static final Attachment REAL_PDF = Attachment.of("itinerary.pdf", 100, "application/pdf", "file")
            .withText("  the real one\u202E ", "an itinerary");

    final FakeWorld world = new FakeWorld();
    final UploadInstruction pdf = send2();
    final long assetId = pdf.assetId();
    final ObjectKey raw = new ObjectKey(pdf.objectKey());

    static UploadInstruction send(FakeWorld world) {
        return world.services.sendAlbum().send(new SendAlbumCommand(SENDER, RECEIVER.value(), "trip",
                List.of(Attachment.of("beach.jpg", 1000, "image/jpeg", "image")), null)).uploads().get(0);
    }

    UploadInstruction send2() {
        return world.services.sendAlbum().send(new SendAlbumCommand(SENDER, RECEIVER.value(), "docs",
                List.of(Attachment.of("a.jpg", 1000, "image/jpeg", "image"),
                        Attachment.of("fake.pdf", 100, "application/pdf", "file")), null)).uploads().get(1);
    }

    UploadInstruction replace(Attachment file) {
        return replace(SENDER, file, null);
    }

    UploadInstruction replace(dev.mosaic.domain.UserId who, Attachment file, String idempotencyKey) {
        return world.services.replaceAsset().replace(new ReplaceAssetCommand(who, new AssetReference(assetId, null),
                file, idempotencyKey));
    }

    AssetView complete(long id) {
        return world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(id, null), null, null));
    }

    Asset current() {
        return world.messages.byAsset(AssetId.of(assetId)).orElseThrow().asset(AssetId.of(assetId)).orElseThrow();
    }

    /** Stores the cell's next state as a worker would (no job runs). */
    void move(Function<Asset, AssetMove> transition) {
        Asset next = ((AssetMove.Moved) transition.apply(current())).asset();
        world.transactions.run(() -> world.messages.update(next));
    }

    void failWithAFakePdf() {
        world.storage.upload(raw, new byte[100], PDF);
        assertThatThrownBy(() -> complete(assetId)).isInstanceOf(RequestRejected.class);
        assertThat(current().stage()).isEqualTo(Stage.FAILED);
    }

    void makeReady() {
        world.storage.upload(raw, bytesOf("application/pdf", 100), PDF);
        complete(assetId);
        world.runJobs();
        assertThat(current().stage()).isEqualTo(Stage.READY);
    }

    void bringTo(Stage stage) {
        switch (stage) {
            case UPLOADING -> { }
            case FAILED -> failWithAFakePdf();
            case CANCELLED -> world.services.abortUpload().abort(new AbortUploadCommand(SENDER,
                    new AssetReference(assetId, null)));
            case EXPIRED -> {
                world.clock.advance(java.time.Duration.ofHours(25));
                world.services.expireUploads().expireDue();
            }
            case READY -> makeReady();
            case PROCESSING -> {
                world.storage.upload(raw, bytesOf("application/pdf", 100), PDF);
                complete(assetId);
            }
            case THUMBNAIL_READY -> {
                bringTo(Stage.PROCESSING);
                move(asset -> asset.thumbnailReady(new Rendition(Rendition.Kind.THUMBNAIL,
                        asset.objectKey().rendition("thumbnail.webp"), new ContentType("image/webp"), 10, 10),
                        MediaInfo.NONE, world.clock.instant()));
            }
            case TRANSCODING -> {
                bringTo(Stage.PROCESSING);
                move(asset -> asset.transcoding(40, world.clock.instant()));
            }
        }
        assertThat(current().stage()).isEqualTo(stage);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"FAILED", "CANCELLED", "EXPIRED", "READY"})
    void aSettledCellTakesANewFileUnderANewKeyAtTheSamePlace(Stage stage) {
        bringTo(stage);

        UploadInstruction again = replace(REAL_PDF);

        assertThat(again).isInstanceOf(UploadInstruction.Direct.class);
        assertThat(again.assetId()).isEqualTo(assetId);
        assertThat(again.objectKey()).isEqualTo("raw/1/" + assetId + "/_r1-itinerary.pdf").isNotEqualTo(pdf.objectKey());
        assertThat(again.fileName()).isEqualTo("itinerary.pdf");
        assertThat(((UploadInstruction.Direct) again).putUrl()).contains(again.objectKey());
        Asset now = current();
        assertThat(now.stage()).isEqualTo(Stage.UPLOADING);
        assertThat(now.text().caption()).contains("the real one");
        assertThat(now.text().altText()).contains("an itinerary");
        assertThat(world.messages.byAsset(AssetId.of(assetId)).orElseThrow().assets().get(1).id().value())
                .as("the same place in the album").isEqualTo(assetId);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"UPLOADING", "PROCESSING", "THUMBNAIL_READY", "TRANSCODING"})
    void aCellStillUploadingOrProcessingIsRefusedWithItsOwnCode(Stage stage) {
        bringTo(stage);
        int events = world.eventsOf(RECEIVER).size();

        assertThatThrownBy(() -> replace(REAL_PDF)).isInstanceOfSatisfying(RequestRejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.CONFLICT);
            assertThat(rejected.code()).isEqualTo(stage == Stage.UPLOADING ? "asset_uploading" : "asset_processing");
        });
        assertThat(current().stage()).isEqualTo(stage);
        assertThat(world.eventsOf(RECEIVER)).hasSize(events);
    }

    @Test
    void aCellUploadingIsReplacedOnceCancelled() {
        world.services.abortUpload().abort(new AbortUploadCommand(SENDER, new AssetReference(assetId, null)));

        assertThat(replace(REAL_PDF).objectKey()).endsWith("_r1-itinerary.pdf");
    }

    @Test
    void aRetriedFailedCellBecomesReadyAndTheAlbumSettlesAgainForBoth() {
        failWithAFakePdf();
        long completes = world.eventsOf(RECEIVER, Event.ChatMessageComplete.class).size();

        UploadInstruction again = replace(REAL_PDF);
        List<Event.ChatMessageUpdate> updates = world.eventsOf(SENDER, Event.ChatMessageUpdate.class);
        assertThat(updates.get(updates.size() - 1).data().stage()).isEqualTo("uploading");
        assertThat(world.eventsOf(RECEIVER, Event.ChatMessageUpdate.class)).last()
                .satisfies(update -> assertThat(update.data().caption()).isEqualTo("the real one"));

        world.storage.upload(new ObjectKey(again.objectKey()), bytesOf("application/pdf", 100), PDF);
        Asset neighbour = world.messages.byAsset(AssetId.of(assetId)).orElseThrow().assets().get(0);
        world.storage.upload(neighbour.objectKey(), bytesOf("image/jpeg", 1000), ContentType.JPEG);
        complete(assetId);
        complete(neighbour.id().value());
        world.runJobs();

        AssetView read = world.services.readMessages().get(RECEIVER, current().messageId()).assets().get(1);
        assertThat(read.stage()).isEqualTo("ready");
        assertThat(read.fileName()).isEqualTo("itinerary.pdf");
        assertThat(read.altText()).isEqualTo("an itinerary");
        assertThat(read.downloadUrl()).contains("_r1-itinerary.pdf");
        assertThat(world.eventsOf(RECEIVER, Event.ChatMessageComplete.class)).hasSize((int) completes + 1);
        assertThat(world.eventsOf(SENDER, Event.ChatMessageComplete.class)).hasSize((int) completes + 1);
    }

    @Test
    void aRetriedCellsOldObjectsGoAtOnce() {
        world.storage.upload(raw, new byte[100], PDF);
        world.storage.upload(raw.sealed(), new byte[100], PDF);
        move(asset -> asset.reject("content_type_mismatch", world.clock.instant()));

        replace(REAL_PDF);

        assertThat(world.storage.exists(raw)).isFalse();
        assertThat(world.storage.exists(raw.sealed())).isFalse();
    }

    @Test
    void aSwappedCellsOldObjectsStayUntilTheNewFileIsReady() {
        makeReady();
        assertThat(world.storage.exists(raw.sealed())).isTrue();

        UploadInstruction again = replace(REAL_PDF);
        assertThat(world.storage.exists(raw.sealed())).as("still served until the new file is ready").isTrue();
        world.storage.upload(new ObjectKey(again.objectKey()), bytesOf("application/pdf", 100), PDF);
        complete(assetId);
        world.runJobs();

        assertThat(current().stage()).isEqualTo(Stage.READY);
        assertThat(world.storage.exists(raw.sealed())).isFalse();
        assertThat(world.storage.exists(new ObjectKey(again.objectKey()).sealed())).isTrue();
        assertThat(current().superseded()).isEmpty();
    }

    @Test
    void anAbandonedSwapLeavesNothingOfEitherFile() {
        makeReady();
        UploadInstruction again = replace(REAL_PDF);

        world.clock.advance(java.time.Duration.ofHours(25));
        world.services.expireUploads().expireDue();

        assertThat(current().stage()).isEqualTo(Stage.EXPIRED);
        assertThat(world.storage.exists(raw.sealed())).isFalse();
        assertThat(world.storage.exists(new ObjectKey(again.objectKey()))).isFalse();
    }

    @Test
    void aLargeReplacementIsAMultipartUploadAndARefusedOneIsAborted() {
        failWithAFakePdf();
        Attachment video = Attachment.of("party.mp4", 15_000_000, "video/mp4", "video");

        UploadInstruction again = replace(video);

        assertThat(again).isInstanceOfSatisfying(UploadInstruction.Multipart.class,
                multipart -> assertThat(multipart.numParts()).isGreaterThan(1));
        assertThat(world.storage.openMultipartUploads()).isEqualTo(1);
        assertThatThrownBy(() -> replace(video)).isInstanceOf(RequestRejected.class);
        assertThat(world.storage.openMultipartUploads()).as("nothing started for the refused one").isEqualTo(1);
    }

    @Test
    void aReplacementTheDatabaseCannotStoreLeavesNoUploadBehindAndItsKeyFree() {
        failWithAFakePdf();
        Attachment video = Attachment.of("party.mp4", 15_000_000, "video/mp4", "video");
        world.failNextEventAppend.set(true);

        assertThatThrownBy(() -> replace(SENDER, video, "k-9")).isInstanceOf(IllegalStateException.class);

        assertThat(world.storage.openMultipartUploads()).as("the started multipart upload is aborted").isZero();
        // the in-memory fake keeps writes a real transaction rolls back: what matters here is the key, freed
        assertThatThrownBy(() -> replace(SENDER, video, "k-9")).isInstanceOfSatisfying(RequestRejected.class,
                rejected -> assertThat(rejected.code()).isNotEqualTo("idempotency_key_in_progress"));
    }

    @Test
    void onlyTheSenderMayReplaceAndOthersAreToldItDoesNotExist() {
        failWithAFakePdf();

        for (var other : List.of(RECEIVER, STRANGER)) {
            assertThatThrownBy(() -> replace(other, REAL_PDF, null)).isInstanceOfSatisfying(RequestRejected.class,
                    rejected -> assertThat(rejected.code()).isEqualTo("asset_not_found"));
        }
        assertThat(current().stage()).isEqualTo(Stage.FAILED);
    }

    @Test
    void theNewFileMeetsEveryRuleOfABatchRequest() {
        failWithAFakePdf();

        assertThatThrownBy(() -> replace(Attachment.of("x.pdf", 100, "application/pdf", "image")))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("content_type_kind_mismatch"));
        assertThatThrownBy(() -> replace(Attachment.of("empty.pdf", 0, "application/pdf", "file")))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("file_size_invalid"));
        assertThatThrownBy(() -> replace(REAL_PDF.withText("x".repeat(1025), null)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("caption_too_long"));
        assertThatThrownBy(() -> replace(REAL_PDF.withText(null, "x".repeat(1001))))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("alt_text_too_long"));
        assertThat(current().stage()).isEqualTo(Stage.FAILED);
    }

    @Test
    void aReplacementCountsAgainstThePendingUploadsQuota() {
        FakeWorld small = new FakeWorld(MosaicSettings.defaults().withQuota(new UploadQuota(1, 10_000, 100)));
        UploadInstruction only = send(small);
        small.services.abortUpload().abort(new AbortUploadCommand(SENDER, new AssetReference(only.assetId(), null)));
        send(small);

        assertThatThrownBy(() -> small.services.replaceAsset().replace(new ReplaceAssetCommand(SENDER,
                new AssetReference(only.assetId(), null), REAL_PDF, null))).isInstanceOf(QuotaExceeded.class);
    }

    @Test
    void aReplacementIsNotRefusedByKeptTotalsThatDriftedHigh() {
        FakeWorld small = new FakeWorld(MosaicSettings.defaults().withQuota(new UploadQuota(1, 10_000, 100)));
        UploadInstruction only = send(small);
        small.services.abortUpload().abort(new AbortUploadCommand(SENDER, new AssetReference(only.assetId(), null)));
        small.messages.keepTotals(SENDER, 1, 10_000);

        small.services.replaceAsset().replace(new ReplaceAssetCommand(SENDER,
                new AssetReference(only.assetId(), null), REAL_PDF, null));

        assertThat(small.messages.keptUsage(SENDER, Instant.EPOCH).pendingUploads()).isEqualTo(1);
    }

    @Test
    void theSameRequestWithTheSameKeyAnswersTheSameCellOnce() {
        failWithAFakePdf();

        UploadInstruction first = replace(SENDER, REAL_PDF, "k-1");
        UploadInstruction again = replace(SENDER, REAL_PDF, "k-1");

        assertThat(again.objectKey()).isEqualTo(first.objectKey());
        assertThat(current().objectKey().generation()).isEqualTo(1);
        assertThatThrownBy(() -> replace(SENDER, REAL_PDF.withText("other", null), "k-1"))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("idempotency_key_reused"));
    }

    @Test
    void aReplayByTheOldObjectKeyFindsTheCellToo() {
        failWithAFakePdf();
        ReplaceAssetCommand byKey = new ReplaceAssetCommand(SENDER, new AssetReference(null, pdf.objectKey()),
                REAL_PDF, "k-2");

        UploadInstruction first = world.services.replaceAsset().replace(byKey);

        assertThat(world.services.replaceAsset().replace(byKey).objectKey()).isEqualTo(first.objectKey());
    }

    @Test
    void aRefusedReplacementFreesItsKey() {
        assertThatThrownBy(() -> replace(SENDER, REAL_PDF, "k-3")).isInstanceOf(RequestRejected.class);
        failWithAFakePdf();

        assertThat(replace(SENDER, REAL_PDF, "k-3").assetId()).isEqualTo(assetId);
    }
}
