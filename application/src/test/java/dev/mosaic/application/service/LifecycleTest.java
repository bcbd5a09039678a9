package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.RECEIVER;
import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static dev.mosaic.application.service.GuideStoryTest.bytesOf;
import static dev.mosaic.application.service.GuideStoryTest.guideRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.event.Event;
import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.SignPartsCommand;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.PartsIssued;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cancel, expiry, retries and refusals: every cell ends somewhere, and both users hear of it. */
class LifecycleTest {
    final FakeWorld world = new FakeWorld();
    final AlbumCreated album = world.services.sendAlbum().send(guideRequest());

    AssetView asset(int index) {
        return world.services.readMessages().get(SENDER, MessageId.of(album.messageId())).assets().get(index);
    }

    void completeImage() {
        var image = album.uploads().get(0);
        world.storage.upload(new ObjectKey(image.objectKey()), bytesOf("image/jpeg", 3_050_000), ContentType.JPEG);
        world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(image.assetId(), null), null, null));
    }

    @Test
    void abortingAMultipartUploadCancelsItAndDropsItsParts() {
        var video = (UploadInstruction.Multipart) album.uploads().get(1);
        world.storage.uploadPart(video.uploadId(), 1, new byte[5_242_880]);

        AssetView cancelled = world.services.abortUpload().abort(
                new AbortUploadCommand(SENDER, new AssetReference(video.assetId(), null)));
        AssetView again = world.services.abortUpload().abort(
                new AbortUploadCommand(SENDER, new AssetReference(video.assetId(), null)));

        assertThat(cancelled.stage()).isEqualTo("cancelled");
        assertThat(again.stage()).isEqualTo("cancelled");
        assertThat(world.storage.openMultipartUploads()).isZero();
        assertThat(world.eventsOf(RECEIVER, Event.ChatMessageUpdate.class))
                .extracting(update -> update.data().stage()).containsExactly("cancelled");
    }

    @Test
    void aCancelledUploadCannotBeCompleted() {
        var pdf = album.uploads().get(2);
        world.services.abortUpload().abort(new AbortUploadCommand(SENDER, new AssetReference(pdf.assetId(), null)));
        assertThatThrownBy(() -> world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(pdf.assetId(), null), null, null)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("upload_not_active"));
    }

    @Test
    void aProcessingUploadCannotBeCancelled() {
        completeImage();
        assertThatThrownBy(() -> world.services.abortUpload().abort(
                new AbortUploadCommand(SENDER, new AssetReference(album.uploads().get(0).assetId(), null))))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.CONFLICT));
    }

    @Test
    void uploadsNeverCompletedExpireAfterTheDeadlineAndTheAlbumSettles() {
        completeImage();
        world.runJobs();
        world.clock.advance(Duration.ofHours(23));
        assertThat(world.services.expireUploads().expireDue()).isZero();

        world.clock.advance(Duration.ofHours(2));
        assertThat(world.services.expireUploads().expireDue()).isEqualTo(2);

        assertThat(asset(1).stage()).isEqualTo("expired");
        assertThat(asset(2).stage()).isEqualTo("expired");
        assertThat(world.storage.openMultipartUploads()).isZero();
        List<Event> events = world.eventsOf(RECEIVER);
        assertThat(events.get(events.size() - 1)).isInstanceOf(Event.ChatMessageComplete.class);
        assertThat(world.services.expireUploads().expireDue()).isZero();
    }

    @Test
    void anUnprocessableFileFailsOnceWithItsCodeAndIsNotRetried() {
        world.media.rejectWith("image_too_large");
        completeImage();
        world.runJobs();

        assertThat(asset(0).stage()).isEqualTo("failed");
        assertThat(asset(0).error()).isEqualTo("image_too_large");
        assertThat(world.media.runs()).isEqualTo(1);
        assertThat(world.jobs.pending()).isZero();
        assertThat(world.storage.exists(new ObjectKey(album.uploads().get(0).objectKey()))).isFalse();
    }

    @Test
    void aPassingFailureIsRetriedWithBackoffAndThenSucceeds() {
        world.media.failNext(2);
        completeImage();

        world.runJobs();
        assertThat(asset(0).stage()).isEqualTo("processing");
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(world.runJobs()).isZero();
        world.clock.advance(Duration.ofSeconds(1));
        world.runJobs();
        world.clock.advance(Duration.ofSeconds(4));
        world.runJobs();

        assertThat(asset(0).stage()).isEqualTo("ready");
        assertThat(world.media.runs()).isEqualTo(3);
    }

    @Test
    void afterTheLastAttemptTheAssetFailsInsteadOfSpinningForever() {
        world.media.failNext(100);
        completeImage();
        for (int attempt = 0; attempt < 10; attempt++) {
            world.runJobs();
            world.clock.advance(Duration.ofMinutes(5));
        }
        assertThat(asset(0).stage()).isEqualTo("failed");
        assertThat(asset(0).error()).isEqualTo("processing_failed");
        assertThat(world.media.runs()).isEqualTo(5);
        assertThat(world.jobs.pending()).isZero();
    }

    @Test
    void partsBeyondTheFirstBatchAreSignedOnRequest() {
        var created = world.services.sendAlbum().send(SendAlbumTest.album(
                dev.mosaic.application.port.in.SendAlbumCommand.Attachment.of(
                        "movie.mp4", 2L * 1024 * 1024 * 1024, "video/mp4", "video")));
        long assetId = created.uploads().get(0).assetId();

        PartsIssued next = world.services.signParts().sign(
                new SignPartsCommand(SENDER, new AssetReference(assetId, null), null, List.of(), 101));
        PartsIssued fresh = world.services.signParts().sign(
                new SignPartsCommand(SENDER, new AssetReference(assetId, null), null, List.of(3, 1), null));

        assertThat(next.batch().items()).hasSize(100).first().extracting(item -> item.partNumber()).isEqualTo(101);
        assertThat(next.batch().nextPartNumber()).isEqualTo(201);
        assertThat(fresh.batch().items()).extracting(item -> item.partNumber()).containsExactly(1, 3);
        assertThatThrownBy(() -> world.services.signParts().sign(
                new SignPartsCommand(SENDER, new AssetReference(assetId, null), null, List.of(257), null)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("part_number_out_of_range"));
        assertThatThrownBy(() -> world.services.signParts().sign(new SignPartsCommand(SENDER,
                new AssetReference(album.uploads().get(0).assetId(), null), null, List.of(1), null)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("not_multipart"));
    }

    @Test
    void aJobRetriedAfterItsThumbnailWasShownDoesNotAnnounceTheThumbnailTwice() {
        completeImage();
        world.media.failAfterThumbnail(1);
        world.runJobs();
        assertThat(asset(0).stage()).isEqualTo("thumbnail_ready");
        world.clock.advance(Duration.ofSeconds(3));
        world.runJobs();

        assertThat(asset(0).stage()).isEqualTo("ready");
        assertThat(world.eventsOf(RECEIVER, Event.ChatMessageUpdate.class))
                .extracting(update -> update.data().stage())
                .containsExactly("processing", "thumbnail_ready", "ready");
    }
}
