package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.bytesOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What must hold when things go wrong around the happy path. */
class RobustnessTest {
    final FakeWorld world = new FakeWorld();

    AlbumCreated photoFrom(long sender, long receiver, String key) {
        return world.services.sendAlbum().send(new SendAlbumCommand(UserId.of(sender), receiver, "",
                List.of(Attachment.of("a.jpg", 3_050_000, "image/jpeg", "image")), key));
    }

    void complete(AlbumCreated album, long sender) {
        var upload = album.uploads().get(0);
        world.storage.upload(new ObjectKey(upload.objectKey()), bytesOf("image/jpeg", 3_050_000), ContentType.JPEG);
        world.services.completeUpload().complete(new CompleteUploadCommand(UserId.of(sender),
                new AssetReference(upload.assetId(), null), null, null));
    }

    String stageOf(AlbumCreated album, long viewer) {
        return world.services.readMessages().get(UserId.of(viewer), MessageId.of(album.messageId()))
                .assets().get(0).stage();
    }

    @Test
    void eventsAreLoggedForTheLowerUserIdFirstSoCrossingAlbumsNeverDeadlock() {
        AlbumCreated fromHigh = photoFrom(42, 1, null);
        complete(fromHigh, 42);

        assertThat(world.appendOrder).containsExactly(UserId.of(1), UserId.of(42), UserId.of(1), UserId.of(42));
    }

    @Test
    void anIdempotencyKeyWhoseRequestDiedIsTakenOverAfterAWhile() {
        SendAlbumCommand command = new SendAlbumCommand(UserId.of(1), 42L, "",
                List.of(Attachment.of("a.jpg", 1000, "image/jpeg", "image")), "key-9");
        world.idempotency.reserve(UserId.of(1), "key-9", command.fingerprint(), world.clock.instant());

        world.clock.advance(IdempotencyClaims.ABANDONED_AFTER.plusSeconds(1));
        AlbumCreated created = world.services.sendAlbum().send(command);
        AlbumCreated again = world.services.sendAlbum().send(command);

        assertThat(again.messageId()).isEqualTo(created.messageId());
    }

    @Test
    void aProcessorThatCrashesWithAnErrorIsRetriedAndTheAssetFinallyFails() {
        world.media.crashNext(100);
        AlbumCreated album = photoFrom(1, 42, null);
        complete(album, 1);
        for (int attempt = 0; attempt < 8; attempt++) {
            world.runJobs();
            world.clock.advance(Duration.ofMinutes(5));
        }

        assertThat(stageOf(album, 42)).isEqualTo("failed");
        assertThat(world.media.runs()).isEqualTo(MosaicSettings.defaults().maxJobAttempts());
        assertThat(world.jobs.pending()).isZero();
    }

    @Test
    void aJobWhoseWorkersKeptDyingIsGivenUpWithoutRunningAgain() {
        AlbumCreated album = photoFrom(1, 42, null);
        complete(album, 1);
        Duration lease = MosaicSettings.defaults().jobLease();
        for (int lost = 0; lost < MosaicSettings.defaults().maxJobAttempts(); lost++) {
            assertThat(world.jobs.claim("doomed-worker", world.clock.instant(), lease)).isPresent();
            world.clock.advance(lease.plusSeconds(1));
        }

        world.runJobs();

        assertThat(world.media.runs()).isZero();
        assertThat(stageOf(album, 1)).isEqualTo("failed");
        assertThat(world.jobs.pending()).isZero();
        assertThat(world.jobs.claim("w", world.clock.instant(), lease)).isEmpty();
    }
}
