package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static dev.mosaic.application.service.GuideStoryTest.bytesOf;
import static dev.mosaic.application.service.GuideStoryTest.guideRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.fake.Fixtures;
import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.ReplaceAssetCommand;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.port.out.Unavailable;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Rendition;
import dev.mosaic.domain.Stage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The janitor's sweep: no stored object outlives the asset it belongs to, and no live asset loses one. */
class StorageSweepTest {
    static final Duration QUIET = Duration.ofHours(2);
    final FakeWorld world = new FakeWorld();
    final SweepStorageService sweep = new SweepStorageService(world.messages, world.storage, world.clock, QUIET);
    final AlbumCreated album = world.services.sendAlbum().send(guideRequest());
    final UploadInstruction image = album.uploads().get(0);
    final UploadInstruction video = album.uploads().get(1);
    final ObjectKey imageKey = new ObjectKey(image.objectKey());
    final ObjectKey videoKey = new ObjectKey(video.objectKey());

    void abort(UploadInstruction upload) {
        world.services.abortUpload().abort(new AbortUploadCommand(SENDER, new AssetReference(upload.assetId(), null)));
    }

    void completeImage() {
        world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(image.assetId(), null), null, null));
    }

    void latePut(ObjectKey key) {
        world.storage.upload(key, bytesOf("image/jpeg", 3_050_000), ContentType.JPEG);
    }

    @Test
    void aPutAfterTheUploadWasCancelledIsDeletedOnceNoUploadUrlCanWriteAnyMore() {
        abort(image);
        latePut(imageKey);

        world.clock.advance(QUIET);
        assertThat(sweep.sweepSettled()).as("an upload URL may still be writing").isZero();
        assertThat(world.storage.exists(imageKey)).isTrue();

        world.clock.advance(Duration.ofSeconds(1));
        assertThat(sweep.sweepSettled()).isEqualTo(1);
        assertThat(world.storage.exists(imageKey)).isFalse();
        assertThat(sweep.sweepSettled()).as("swept once").isZero();
    }

    @Test
    void anUploadStillWaitingForItsBytesIsNeverTouched() {
        latePut(imageKey);
        world.clock.advance(Duration.ofDays(30));

        assertThat(sweep.sweepSettled()).isZero();
        assertThat(world.storage.exists(imageKey)).isTrue();
    }

    @Test
    void aCopyPutAgainAfterSealingGoesAndTheSealedBytesAndRenditionsStay() {
        latePut(imageKey);
        completeImage();
        world.runJobs();
        latePut(imageKey);
        Asset ready = asset(image);
        assertThat(ready.stage()).isEqualTo(Stage.READY);

        world.clock.advance(QUIET.plusSeconds(1));
        assertThat(sweep.sweepSettled()).isEqualTo(1);

        assertThat(world.storage.exists(imageKey)).isFalse();
        assertThat(world.storage.exists(imageKey.sealed())).isTrue();
        assertThat(ready.renditions()).isNotEmpty().allSatisfy(
                rendition -> assertThat(world.storage.exists(rendition.key())).isTrue());
    }

    @Test
    void partsOfAMultipartUploadLeftOpenByACrashAreAborted() {
        world.storage.uploadPart(((UploadInstruction.Multipart) video).uploadId(), 1, new byte[5_242_880]);
        // a node died between cancelling the asset and dropping its bytes
        Asset cancelled = asset(video).cancel(world.clock.instant()).asset();
        world.messages.update(cancelled);

        world.clock.advance(QUIET.plusSeconds(1));
        sweep.sweepSettled();

        assertThat(world.storage.openMultipartUploads()).isZero();
        assertThat(world.storage.exists(videoKey)).isFalse();
    }

    @Test
    void anAssetNotKeptLosesItsSealedCopyAndRenditions() {
        Message failed = Fixtures.message(900).with(Fixtures.asset(901)
                .withRendition(Rendition.Kind.THUMBNAIL, ContentType.WEBP, 320, 240)
                .withRendition(Rendition.Kind.PREVIEW, ContentType.JPEG, 1280, 960)).build();
        world.messages.add(failed);
        Asset processing = failed.assets().get(0).complete(world.clock.instant()).asset();
        world.messages.update(processing.fail("unprocessable", world.clock.instant()).asset());
        ObjectKey raw = processing.objectKey();
        for (ObjectKey key : java.util.List.of(raw, raw.sealed(), processing.renditions().get(0).key(),
                processing.renditions().get(1).key())) {
            latePut(key);
        }

        world.clock.advance(QUIET.plusSeconds(1));
        sweep.sweepSettled();

        assertThat(world.storage.keys()).noneMatch(key -> key.value().contains("/901/"));
    }

    @Test
    void anAssetSweptWhileProcessingIsSweptAgainWhenItFails() {
        latePut(imageKey);
        completeImage();
        world.clock.advance(QUIET.plusSeconds(1));
        assertThat(sweep.sweepSettled()).isEqualTo(1);
        assertThat(world.storage.exists(imageKey.sealed())).isTrue();

        world.messages.update(asset(image).fail("unprocessable", world.clock.instant()).asset());
        world.clock.advance(QUIET.plusSeconds(1));
        assertThat(sweep.sweepSettled()).isEqualTo(1);

        assertThat(world.storage.exists(imageKey.sealed())).isFalse();
    }

    @Test
    void aKeptAssetUploadedBeforeSealingIsSealedNotLost() {
        byte[] bytes = bytesOf("image/jpeg", 3_050_000);
        world.storage.upload(imageKey, bytes, ContentType.JPEG);
        world.messages.update(asset(image).complete(world.clock.instant()).asset());

        world.clock.advance(QUIET.plusSeconds(1));
        sweep.sweepSettled();

        assertThat(world.storage.exists(imageKey)).isFalse();
        assertThat(world.storage.bytesOf(imageKey.sealed())).isEqualTo(bytes);
    }

    @Test
    void aKeptAssetWithNoCopyAtAllIsLeftAlone() {
        world.messages.update(asset(image).complete(world.clock.instant()).asset());
        world.clock.advance(QUIET.plusSeconds(1));

        assertThat(sweep.sweepSettled()).isEqualTo(1);
        assertThat(world.storage.keys()).isEmpty();
    }

    @Test
    void onePassSweepsOneBatchTheLongestWaitingFirst() {
        for (int album = 0; album < SweepStorageService.BATCH; album++) {
            Message message = Fixtures.message(1000 + album).with(Fixtures.asset(5000 + album)).build();
            world.messages.add(message);
            world.messages.update(message.assets().get(0).cancel(world.clock.instant()).asset());
            world.clock.advance(Duration.ofMillis(1));
        }
        abort(image);

        world.clock.advance(QUIET.plusSeconds(1));
        latePut(imageKey);
        assertThat(sweep.sweepSettled()).isEqualTo(SweepStorageService.BATCH);
        assertThat(world.storage.exists(imageKey)).as("the newest waits for the next pass").isTrue();
        assertThat(sweep.sweepSettled()).isEqualTo(1);
        assertThat(world.storage.exists(imageKey)).isFalse();
    }

    UploadInstruction replace(UploadInstruction cell, String fileName) {
        return world.services.replaceAsset().replace(new ReplaceAssetCommand(SENDER,
                new AssetReference(cell.assetId(), null), Attachment.of(fileName, 3_050_000, "image/jpeg", "image"),
                null));
    }

    @Test
    void anAssetWhoseSweepKeepsFailingWaitsBehindTheOthersInsteadOfHoldingThemUp() {
        abort(image);
        latePut(imageKey);
        world.clock.advance(Duration.ofSeconds(1));
        abort(video);
        latePut(videoKey);
        world.storage.failOn(imageKey, new IllegalStateException("a fault of Mosaic's"));

        world.clock.advance(QUIET.plusSeconds(1));
        assertThat(sweep.sweepSettled()).isEqualTo(2);
        assertThat(world.storage.exists(videoKey)).as("swept behind the one that failed").isFalse();
        assertThat(sweep.sweepSettled()).as("the failed one waits a quiet time again").isZero();

        world.storage.failOn(imageKey, null);
        world.clock.advance(QUIET);
        assertThat(sweep.sweepSettled()).isZero();
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(sweep.sweepSettled()).isEqualTo(1);
        assertThat(world.storage.exists(imageKey)).isFalse();
    }

    /** Storage down, or the database down or busy (a lock timeout while marking an asset swept): an outage either way. */
    @ParameterizedTest
    @EnumSource(Unavailable.Part.class)
    void anOutageStopsThePassAndTheAssetItWasSweepingWaitsBehindTheOthers(Unavailable.Part part) {
        abort(image);
        latePut(imageKey);
        world.clock.advance(Duration.ofSeconds(1));
        abort(video);
        latePut(videoKey);
        world.storage.failOn(imageKey, new Unavailable(part, "connection refused", null));

        world.clock.advance(QUIET.plusSeconds(1));
        assertThatThrownBy(sweep::sweepSettled).isInstanceOf(Unavailable.class);
        assertThat(world.storage.exists(videoKey)).as("the pass stopped at the outage").isTrue();

        world.storage.failOn(imageKey, null);
        assertThat(sweep.sweepSettled()).isEqualTo(1);
        assertThat(world.storage.exists(videoKey)).isFalse();
        assertThat(world.storage.exists(imageKey)).as("tried again a quiet time after it failed").isTrue();
        world.clock.advance(QUIET.plusSeconds(1));
        assertThat(sweep.sweepSettled()).isEqualTo(1);
        assertThat(world.storage.exists(imageKey)).isFalse();
    }

    @Test
    void aLatePutToTheUploadUrlOfASwappedFileIsDeletedOnceNoneOfItsUrlsCanWrite() {
        latePut(imageKey);
        completeImage();
        world.runJobs();
        UploadInstruction swap = replace(image, "other.jpg");
        ObjectKey swapKey = new ObjectKey(swap.objectKey());
        latePut(swapKey);
        world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(swap.assetId(), null), null, null));
        world.runJobs();
        assertThat(asset(image).stage()).isEqualTo(Stage.READY);
        assertThat(world.storage.exists(imageKey.sealed())).as("the old file went when the new one settled")
                .isFalse();
        latePut(imageKey); // the old file's upload URL is still valid

        world.clock.advance(QUIET);
        sweep.sweepSettled();
        assertThat(world.storage.exists(imageKey)).as("its URL may still be writing").isTrue();

        world.clock.advance(Duration.ofSeconds(1));
        sweep.sweepSettled();
        assertThat(world.storage.exists(imageKey)).isFalse();
        assertThat(world.storage.exists(swapKey.sealed())).isTrue();
        assertThat(world.messages.retiredBefore(world.clock.instant(), 10)).as("swept once").isEmpty();
    }

    @Test
    void aLatePutToTheUploadUrlOfARetriedFileIsDeletedWhileTheNewFileIsStillUploading() {
        abort(image);
        replace(image, "again.jpg");
        latePut(imageKey);

        world.clock.advance(QUIET.plusSeconds(1));
        assertThat(sweep.sweepSettled()).isEqualTo(1);

        assertThat(world.storage.exists(imageKey)).isFalse();
        assertThat(asset(image).stage()).isEqualTo(Stage.UPLOADING);
    }

    @Test
    void theMultipartUploadOfARetriedFileIsAbortedAgain() {
        world.storage.uploadPart(((UploadInstruction.Multipart) video).uploadId(), 1, new byte[5_242_880]);
        // a node died between cancelling the asset and dropping its bytes, then the cell was retried
        world.messages.update(asset(video).cancel(world.clock.instant()).asset());
        replace(video, "instead.jpg");
        assertThat(world.storage.openMultipartUploads()).isOne();

        world.clock.advance(QUIET.plusSeconds(1));
        sweep.sweepSettled();

        assertThat(world.storage.openMultipartUploads()).isZero();
    }

    @Test
    void aReplacedUploadWhoseSweepFailsIsTriedAgainAfterTheOthers() {
        abort(image);
        replace(image, "again.jpg");
        latePut(imageKey);
        world.clock.advance(Duration.ofSeconds(1));
        abort(video);
        replace(video, "instead.jpg");
        latePut(videoKey);
        world.storage.failOn(imageKey, new IllegalStateException("a fault of Mosaic's"));

        world.clock.advance(QUIET.plusSeconds(1));
        assertThat(sweep.sweepSettled()).isEqualTo(2);
        assertThat(world.storage.exists(videoKey)).isFalse();

        world.storage.failOn(imageKey, new Unavailable(Unavailable.Part.STORAGE, "connection refused", null));
        world.clock.advance(QUIET.plusSeconds(1));
        assertThatThrownBy(sweep::sweepSettled).isInstanceOf(Unavailable.class);
        world.storage.failOn(imageKey, null);
        assertThat(sweep.sweepSettled()).as("it waits a quiet time again").isZero();
        world.clock.advance(QUIET.plusSeconds(1));
        assertThat(sweep.sweepSettled()).isEqualTo(1);
        assertThat(world.storage.exists(imageKey)).isFalse();
    }

    @Test
    void aNegativeQuietTimeIsRefused() {
        assertThatThrownBy(() -> new SweepStorageService(world.messages, world.storage, world.clock,
                Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        new SweepStorageService(world.messages, world.storage, world.clock, Duration.ZERO);
    }

    @Test
    void aPutIsAdmittedOnlyWhileItsAssetIsUploading() {
        AdmitUploadService admission = new AdmitUploadService(world.messages);
        admission.admit(imageKey);

        abort(image);

        assertThatThrownBy(() -> admission.admit(imageKey)).isInstanceOfSatisfying(RequestRejected.class,
                rejected -> {
                    assertThat(rejected.code()).isEqualTo("upload_not_active");
                    assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.CONFLICT);
                    assertThat(rejected.getMessage()).contains("cancelled");
                });
        assertThatThrownBy(() -> admission.admit(new ObjectKey("raw/1/999/nobody.jpg")))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("upload_not_found");
                    assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.NOT_FOUND);
                });
        admission.admit(videoKey);
    }

    Asset asset(UploadInstruction upload) {
        AssetId id = AssetId.of(upload.assetId());
        return world.messages.byAsset(id).orElseThrow().asset(id).orElseThrow();
    }
}
