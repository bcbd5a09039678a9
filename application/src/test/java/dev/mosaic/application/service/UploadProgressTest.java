package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.RECEIVER;
import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static dev.mosaic.application.service.GuideStoryTest.STRANGER;
import static dev.mosaic.application.service.GuideStoryTest.guideRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.ReportUploadProgressUseCase.ProgressRelay;
import dev.mosaic.application.view.AlbumCreated;
import java.time.Duration;
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
