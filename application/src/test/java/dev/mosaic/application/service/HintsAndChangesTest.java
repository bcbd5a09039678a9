package dev.mosaic.application.service;

import static dev.mosaic.application.fake.Fixtures.SENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edges of a client's hints, and what a change of an asset tells and cleans. */
class HintsAndChangesTest {
    private final FakeWorld world = new FakeWorld();

    private UploadInstruction send(Attachment attachment) {
        return world.services.sendAlbum().send(new SendAlbumCommand(SENDER, 42L, "hi", List.of(attachment), null))
                .uploads().get(0);
    }

    private static Attachment photo() {
        return Attachment.of("a.jpg", 1000, "image/jpeg", "image");
    }

    @ParameterizedTest(name = "{0}x{1}, {2} s")
    @CsvSource({"1, 1, 0.0", "100000, 100000, 86400.0", "640, 480, 1.5"})
    void hintsAtTheirBoundsAreKept(int width, int height, double seconds) {
        UploadInstruction upload = send(photo().withHints(width, height, seconds, null));

        var asset = world.services.readMessages().get(SENDER, messageOf(upload)).assets().get(0);
        assertThat(asset.width()).isEqualTo(width);
        assertThat(asset.height()).isEqualTo(height);
        assertThat(asset.duration()).isEqualTo(seconds);
    }

    @ParameterizedTest(name = "{0}x{1}, {2} s: {3}")
    @CsvSource({"100001, 10, 1.0, dimension_invalid", "10, 100001, 1.0, dimension_invalid",
            "10, 0, 1.0, dimension_invalid", "10, 10, 86400.5, duration_invalid", "10, 10, -0.001, duration_invalid",
            "10, 10, NaN, duration_invalid"})
    void hintsPastTheirBoundsAreRefused(int width, int height, double seconds, String code) {
        assertThatThrownBy(() -> send(photo().withHints(width, height, seconds, null)))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> assertThat(rejected.code()).isEqualTo(code));
    }

    @Test
    void onlyAChangeThatMovedTheAssetTellsTheNotifier() {
        UploadInstruction upload = send(photo());
        world.storage.upload(new ObjectKey(upload.objectKey()), GuideStoryTest.bytesOf("image/jpeg", 1000),
                ContentType.JPEG);
        CompleteUploadCommand complete = new CompleteUploadCommand(SENDER,
                new AssetReference(upload.assetId(), null), null, null);

        world.services.completeUpload().complete(complete);
        int afterFirst = world.notified.size();
        world.services.completeUpload().complete(complete);
        assertThatThrownBy(() -> world.services.abortUpload().abort(new AbortUploadCommand(SENDER,
                new AssetReference(upload.assetId(), null)))).isInstanceOf(RequestRejected.class);

        assertThat(afterFirst).isGreaterThan(0);
        assertThat(world.notified).hasSize(afterFirst);
        assertThat(world.services.readEvents().lastSequence(SENDER)).isEqualTo(2);
    }

    @Test
    void cancellingAnUploadDeletesWhatWasAlreadyPut() {
        UploadInstruction upload = send(photo());
        ObjectKey key = new ObjectKey(upload.objectKey());
        world.storage.upload(key, GuideStoryTest.bytesOf("image/jpeg", 1000), ContentType.JPEG);

        world.services.abortUpload().abort(new AbortUploadCommand(SENDER, new AssetReference(upload.assetId(), null)));

        assertThat(world.storage.exists(key)).isFalse();
    }

    @Test
    void settingsKeepWhatTheyAreGiven() {
        MosaicSettings settings = MosaicSettings.defaults().withJobLease(Duration.ofSeconds(7))
                .withDownloadUrlTtl(Duration.ofSeconds(5)).withUploadDeadline(Duration.ofHours(2))
                .withUploadUrlTtl(Duration.ofMinutes(3));

        assertThat(settings.jobLease()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.downloadUrlTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.uploadDeadline()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.uploadUrlTtl()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.downloadUrlTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.policy()).isEqualTo(MosaicSettings.defaults().policy());
    }

    private MessageId messageOf(UploadInstruction upload) {
        return world.messages.byAsset(dev.mosaic.domain.AssetId.of(upload.assetId())).orElseThrow().id();
    }
}
