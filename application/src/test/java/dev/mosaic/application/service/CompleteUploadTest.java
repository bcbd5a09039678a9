package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static dev.mosaic.application.service.GuideStoryTest.bytesOf;
import static dev.mosaic.application.service.GuideStoryTest.guideRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompleteUploadTest {
    final FakeWorld world = new FakeWorld();
    final AlbumCreated album = world.services.sendAlbum().send(guideRequest());
    final UploadInstruction image = album.uploads().get(0);
    final UploadInstruction.Multipart video = (UploadInstruction.Multipart) album.uploads().get(1);

    CompleteUploadCommand byKey(UploadInstruction instruction, String uploadId, List<CompletedPart> parts) {
        return new CompleteUploadCommand(SENDER, new AssetReference(null, instruction.objectKey()), uploadId, parts);
    }

    void putImage(byte[] bytes) {
        world.storage.upload(new ObjectKey(image.objectKey()), bytes, ContentType.JPEG);
    }

    @Test
    void completingBeforeTheBytesArriveIsAConflictAndChangesNothing() {
        assertThatThrownBy(() -> world.services.completeUpload().complete(byKey(image, null, null)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("object_not_uploaded"));
        assertThat(world.jobs.pending()).isZero();
        assertThat(world.eventsOf(SENDER)).hasSize(1);
    }

    @Test
    void completingTwiceAnswersTheSameStateAndQueuesOneJob() {
        putImage(bytesOf("image/jpeg", 3_050_000));
        AssetView first = world.services.completeUpload().complete(byKey(image, null, null));
        AssetView second = world.services.completeUpload().complete(byKey(image, null, null));

        assertThat(first.stage()).isEqualTo("processing");
        assertThat(second.stage()).isEqualTo("processing");
        assertThat(world.jobs.pending()).isEqualTo(1);
        assertThat(world.workSignals.get()).isEqualTo(1);
    }

    @Test
    void tenSimultaneousCompletionsMakeOneJobAndOneEvent() throws Exception {
        putImage(bytesOf("image/jpeg", 3_050_000));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<AssetView>> calls = IntStream.range(0, 10)
                    .mapToObj(i -> (Callable<AssetView>) () -> world.services.completeUpload()
                            .complete(byKey(image, null, null)))
                    .toList();
            for (Future<AssetView> answer : pool.invokeAll(calls)) {
                assertThat(answer.get().stage()).isEqualTo("processing");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(world.jobs.pending()).isEqualTo(1);
        assertThat(world.eventsOf(SENDER)).hasSize(2);
    }

    @Test
    void bytesThatAreNotWhatWasDeclaredFailTheAssetAndAreDeleted() {
        byte[] html = new byte[3_050_000];
        System.arraycopy("<html><script>".getBytes(), 0, html, 0, 14);
        putImage(html);

        assertThatThrownBy(() -> world.services.completeUpload().complete(byKey(image, null, null)))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("content_type_mismatch");
                    assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.UNPROCESSABLE);
                });
        assertThat(world.storage.exists(new ObjectKey(image.objectKey()))).isFalse();
        assertThat(world.jobs.pending()).isZero();
        AssetView last = world.services.readMessages().get(SENDER, dev.mosaic.domain.MessageId.of(album.messageId()))
                .assets().get(0);
        assertThat(last.stage()).isEqualTo("failed");
        assertThat(last.error()).isEqualTo("content_type_mismatch");
    }

    @Test
    void aFileOfAnotherSizeThanDeclaredIsRefused() {
        putImage(bytesOf("image/jpeg", 3_049_999));
        assertThatThrownBy(() -> world.services.completeUpload().complete(byKey(image, null, null)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("size_mismatch"));
    }

    @Test
    void multipartNeedsItsUploadIdAndEveryPart() {
        String etag = world.storage.uploadPart(video.uploadId(), 1, new byte[5_242_880]);
        assertThatThrownBy(() -> world.services.completeUpload().complete(byKey(video, null, null)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("upload_id_missing"));
        assertThatThrownBy(() -> world.services.completeUpload().complete(byKey(video, "other", null)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("upload_id_mismatch"));
        assertThatThrownBy(() -> world.services.completeUpload().complete(
                byKey(video, video.uploadId(), List.of(new CompletedPart(1, etag)))))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("parts_incomplete"));
        assertThatThrownBy(() -> world.services.completeUpload().complete(byKey(video, video.uploadId(), List.of(
                new CompletedPart(1, etag), new CompletedPart(2, "\"x\""), new CompletedPart(3, "\"y\"")))))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("part_missing"));
        assertThat(world.jobs.pending()).isZero();
    }

    @Test
    void aWrongEtagIsRefused() {
        byte[] mp4 = bytesOf("video/mp4", 15_000_000);
        List<CompletedPart> parts = new ArrayList<>();
        long offset = 0;
        for (var item : video.batch().items()) {
            byte[] part = java.util.Arrays.copyOfRange(mp4, (int) offset, (int) (offset + item.size()));
            offset += item.size();
            world.storage.uploadPart(video.uploadId(), item.partNumber(), part);
            parts.add(new CompletedPart(item.partNumber(), "\"00000000000000000000000000000000\""));
        }
        assertThatThrownBy(() -> world.services.completeUpload().complete(byKey(video, video.uploadId(), parts)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("etag_mismatch"));
    }
}
