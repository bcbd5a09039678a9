package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.RECEIVER;
import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static dev.mosaic.application.service.GuideStoryTest.STRANGER;
import static dev.mosaic.application.service.GuideStoryTest.guideRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.ReportUploadProgressUseCase.ProgressRelay;
import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.application.view.AlbumCreated;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadProgressTest {
    final FakeWorld world = new FakeWorld();
    final AlbumCreated album = world.services.sendAlbum().send(guideRequest());
    final long video = album.uploads().get(1).assetId();

    @Test
    void theSendersProgressIsRelayedToBothWithStageUploadingAndNothingIsStored() {
        long before = world.events.lastSequence(RECEIVER);
        Optional<ProgressRelay> relay = world.services.uploadProgress().report(SENDER, video, 37);

        assertThat(relay).hasValueSatisfying(found -> {
            assertThat(found.audience()).containsExactly(SENDER, RECEIVER);
            assertThat(found.update().stage()).isEqualTo("uploading");
            assertThat(found.update().progress()).isEqualTo(37);
            assertThat(found.update().assetId()).isEqualTo(video);
        });
        assertThat(world.events.lastSequence(RECEIVER)).isEqualTo(before);
        assertThat(world.progressNotes).containsExactly(new ProgressNote(video, 37, List.of(SENDER, RECEIVER)));
    }

    @Test
    void aThrottledOrRefusedReportIsNotBroadcast() {
        world.services.uploadProgress().report(SENDER, video, 10);
        world.services.uploadProgress().report(SENDER, video, 11);
        world.services.uploadProgress().report(RECEIVER, album.uploads().get(0).assetId(), 11);

        assertThat(world.progressNotes).extracting(ProgressNote::progress).containsExactly(10);
    }

    @Test
    void aNoteFromAnotherNodeIsRenderedForTheAlbumsAudienceWithoutThrottling() {
        world.services.uploadProgress().report(SENDER, video, 10);

        Optional<ProgressRelay> relayed = world.services.uploadProgress()
                .relay(new ProgressNote(video, 64, List.of(STRANGER)));

        assertThat(relayed).hasValueSatisfying(found -> {
            assertThat(found.audience()).as("the album's, not the note's").containsExactly(SENDER, RECEIVER);
            assertThat(found.update().stage()).isEqualTo("uploading");
            assertThat(found.update().progress()).isEqualTo(64);
            assertThat(found.update().assetId()).isEqualTo(video);
            assertThat(found.update().messageId()).isEqualTo(album.messageId());
            assertThat(found.update().fileName()).isEqualTo("party.mp4");
        });
        assertThat(world.progressNotes).hasSize(1);
    }

    @Test
    void aNoteForAnAssetGoneOrNoLongerUploadingIsDropped() {
        world.services.abortUpload().abort(new dev.mosaic.application.port.in.AbortUploadCommand(SENDER,
                new dev.mosaic.application.port.in.AssetReference(video, null)));

        assertThat(world.services.uploadProgress().relay(new ProgressNote(video, 50, List.of(SENDER)))).isEmpty();
        assertThat(world.services.uploadProgress().relay(new ProgressNote(999_999, 50, List.of(SENDER)))).isEmpty();
    }

    @Test
    void aNoteHoldsAnAssetIdAndAPercentage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProgressNote(0, 5, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProgressNote(1, -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProgressNote(1, 101, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ProgressNote(1, 100, List.of()).progress()).isEqualTo(100);
        assertThat(new ProgressNote(1, 0, List.of()).progress()).isZero();
    }

    @Test
    void atMostOneRelayPerAssetPerSecond() {
        assertThat(world.services.uploadProgress().report(SENDER, video, 10)).isPresent();
        assertThat(world.services.uploadProgress().report(SENDER, video, 11)).isEmpty();
        assertThat(world.services.uploadProgress().report(SENDER, album.uploads().get(0).assetId(), 50)).isPresent();
        world.clock.advance(Duration.ofMillis(1000));
        assertThat(world.services.uploadProgress().report(SENDER, video, 12)).isPresent();
    }

    @Test
    void onlyTheSenderMayReportAndOnlyWhileUploading() {
        assertThat(world.services.uploadProgress().report(RECEIVER, video, 10)).isEmpty();
        assertThat(world.services.uploadProgress().report(STRANGER, video, 10)).isEmpty();
        assertThat(world.services.uploadProgress().report(SENDER, 999_999, 10)).isEmpty();
        assertThat(world.services.uploadProgress().report(SENDER, video, 101)).isEmpty();
        world.services.abortUpload().abort(new dev.mosaic.application.port.in.AbortUploadCommand(SENDER,
                new dev.mosaic.application.port.in.AssetReference(video, null)));
        assertThat(world.services.uploadProgress().report(SENDER, video, 10)).isEmpty();
    }
}
