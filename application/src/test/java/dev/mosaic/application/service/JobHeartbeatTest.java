package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static dev.mosaic.application.service.GuideStoryTest.bytesOf;
import static dev.mosaic.application.service.GuideStoryTest.guideRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A worker that is alive keeps its job: its heartbeat renews the lease while the job runs. */
class JobHeartbeatTest {

    @Test
    void aLongJobIsNotTakenByAnotherWorkerWhileItsWorkerLives() throws Exception {
        FakeWorld world = new FakeWorld(MosaicSettings.defaults().withJobLease(Duration.ofMillis(300)));
        CountDownLatch release = new CountDownLatch(1);
        world.media.blockUntil(release);
        var image = world.services.sendAlbum().send(guideRequest()).uploads().get(0);
        world.storage.upload(new ObjectKey(image.objectKey()), bytesOf("image/jpeg", 3_050_000), ContentType.JPEG);
        world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(image.assetId(), null), null, null));

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> world.services.jobWorker().runNext("w1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> world.media.runs() == 1);
        world.clock.advance(Duration.ofSeconds(1));
        await().pollDelay(Duration.ofMillis(250)).atMost(Duration.ofSeconds(5)).until(() -> true);

        assertThat(world.services.jobWorker().runNext("w2")).as("the job is still held").isFalse();
        release.countDown();
        assertThat(first.get()).isTrue();
        assertThat(world.jobs.pending()).isZero();
        world.services.close();
    }
}
