package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Once verified, an upload is sealed: what the client PUTs afterwards changes nothing Mosaic serves. */
class SealedUploadTest {
    final FakeWorld world = new FakeWorld();
    final ContentType pdf = new ContentType("application/pdf");
    final UploadInstruction upload = world.services.sendAlbum().send(new SendAlbumCommand(SENDER, 42L, "",
            List.of(Attachment.of("r.pdf", 100, "application/pdf", "file")), null)).uploads().get(0);
    final ObjectKey raw = new ObjectKey(upload.objectKey());

    AssetView complete() {
        return world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(upload.assetId(), null), null, null));
    }

    @Test
    void theVerifiedBytesAreSealedAndTheUploadedCopyDropped() {
        byte[] verified = GuideStoryTest.bytesOf("application/pdf", 100);
        world.storage.upload(raw, verified, pdf);

        complete();
        world.storage.upload(raw, new byte[100], pdf);
        world.runJobs();

        assertThat(world.storage.readHead(raw.sealed(), 100)).isEqualTo(verified);
        MessageId message = world.messages.byAsset(AssetId.of(upload.assetId())).orElseThrow().id();
        AssetView ready = world.services.readMessages().get(SENDER, message).assets().get(0);
        assertThat(ready.stage()).isEqualTo("ready");
        assertThat(ready.downloadUrl()).contains(raw.sealed().value()).doesNotContain("/" + raw.value());
    }

    @Test
    void anImageVerifiedBeforeUploadsWereSealedIsSealedWhenItIsProcessed() {
        UploadInstruction image = world.services.sendAlbum().send(new SendAlbumCommand(SENDER, 42L, "",
                List.of(Attachment.of("a.jpg", 3_050_000, "image/jpeg", "image")), null)).uploads().get(0);
        ObjectKey imageKey = new ObjectKey(image.objectKey());
        byte[] verified = GuideStoryTest.bytesOf("image/jpeg", 3_050_000);
        world.storage.upload(imageKey, verified, ContentType.JPEG);
        // completed by a node of before sealing: processing, its job queued, and no sealed copy
        AssetId id = AssetId.of(image.assetId());
        world.messages.update(world.messages.byAsset(id).orElseThrow().asset(id).orElseThrow()
                .complete(world.clock.instant()).asset());
        world.jobs.enqueue(new JobQueue.Job(JobQueue.Kind.PROCESS_ASSET, id), world.clock.instant());

        world.runJobs();

        assertThat(world.messages.byAsset(id).orElseThrow().asset(id).orElseThrow().stage()).isEqualTo(Stage.READY);
        assertThat(world.storage.bytesOf(imageKey.sealed())).isEqualTo(verified);
    }

    @Test
    void anImageWithNoCopyAtAllIsNotSealedFromNothing() {
        UploadInstruction image = world.services.sendAlbum().send(new SendAlbumCommand(SENDER, 42L, "",
                List.of(Attachment.of("a.jpg", 3_050_000, "image/jpeg", "image")), null)).uploads().get(0);
        AssetId id = AssetId.of(image.assetId());
        world.messages.update(world.messages.byAsset(id).orElseThrow().asset(id).orElseThrow()
                .complete(world.clock.instant()).asset());

        world.jobs.enqueue(new JobQueue.Job(JobQueue.Kind.PROCESS_ASSET, id), world.clock.instant());

        world.runJobs();

        assertThat(world.messages.byAsset(id).orElseThrow().asset(id).orElseThrow().stage())
                .isEqualTo(Stage.PROCESSING);
        assertThat(world.storage.keys()).isEmpty();
    }

    @Test
    void completingBeforeUploadingIsRefusedAndSealsNothing() {
        assertThatThrownBy(this::complete).isInstanceOfSatisfying(RequestRejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo("object_not_uploaded"));
        assertThat(world.storage.stat(raw.sealed())).isEmpty();
    }

    @Test
    void refusedBytesLeaveNeitherCopy() {
        world.storage.upload(raw, new byte[100], pdf);

        assertThatThrownBy(this::complete).isInstanceOfSatisfying(RequestRejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo("content_type_mismatch"));
        assertThat(world.storage.stat(raw)).isEmpty();
        assertThat(world.storage.stat(raw.sealed())).isEmpty();
    }
}
