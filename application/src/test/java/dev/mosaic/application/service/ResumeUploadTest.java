package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static dev.mosaic.application.service.GuideStoryTest.bytesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.port.in.SignPartsCommand;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.PartUrl;
import dev.mosaic.application.view.PartsIssued;
import dev.mosaic.application.view.PartsIssued.StoredPart;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ObjectKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that kept only an asset id (and upload id) asks what the store holds and finishes from there. */
class ResumeUploadTest {
    static final long PART = 5_242_880L;

    final FakeWorld world = new FakeWorld();
    final byte[] video = bytesOf("video/mp4", 15_000_000);

    AlbumCreated send(Attachment attachment) {
        return world.services.sendAlbum().send(SendAlbumTest.album(attachment));
    }

    UploadInstruction.Multipart sendVideo() {
        return (UploadInstruction.Multipart) send(Attachment.of("party.mp4", video.length, "video/mp4", "video")
                .withParts(PART, 3L)).uploads().get(0);
    }

    String putPart(UploadInstruction.Multipart instruction, int number) {
        int from = (int) ((number - 1) * PART);
        int to = (int) Math.min(video.length, from + PART);
        return world.storage.uploadPart(instruction.uploadId(), number, Arrays.copyOfRange(video, from, to));
    }

    PartsIssued ask(long assetId, String uploadId, List<Integer> numbers, Integer fromPart) {
        return world.services.signParts().sign(
                new SignPartsCommand(SENDER, new AssetReference(assetId, null), uploadId, numbers, fromPart));
    }

    @Test
    void theStoredPartsAreListedAndOnlyTheMissingOneIsSigned() {
        UploadInstruction.Multipart instruction = sendVideo();
        String first = putPart(instruction, 1);
        String second = putPart(instruction, 2);

        PartsIssued issued = ask(instruction.assetId(), null, List.of(), null);

        assertThat(issued.mode()).isEqualTo("multipart");
        assertThat(issued.objectKey()).isEqualTo(instruction.objectKey());
        assertThat(issued.uploadId()).isEqualTo(instruction.uploadId());
        assertThat(issued.partSize()).isEqualTo(PART);
        assertThat(issued.numParts()).isEqualTo(3);
        assertThat(issued.uploadedParts()).containsExactly(new StoredPart(1, PART, first), new StoredPart(2, PART, second));
        assertThat(issued.batch().items()).extracting(PartUrl::partNumber).containsExactly(3);
        assertThat(issued.batch().items().get(0).size()).isEqualTo(video.length - 2 * PART);
        assertThat(issued.batch().nextPartNumber()).isNull();
        assertThat(issued.expiresAt()).isEqualTo(issued.batch().expiresAt())
                .isEqualTo(world.clock.instant().plus(Duration.ofHours(1)).toString());
    }

    @Test
    void theListedEtagsAndTheLastPartComplete() {
        UploadInstruction.Multipart instruction = sendVideo();
        putPart(instruction, 1);
        putPart(instruction, 2);
        PartsIssued issued = ask(instruction.assetId(), instruction.uploadId(), List.of(), null);
        String third = putPart(instruction, issued.batch().items().get(0).partNumber());

        List<CompletedPart> parts = new java.util.ArrayList<>(issued.uploadedParts().stream()
                .map(part -> new CompletedPart(part.partNumber(), part.etag())).toList());
        parts.add(new CompletedPart(3, third));
        var completed = world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(instruction.assetId(), null), instruction.uploadId(), parts));

        assertThat(completed.stage()).isEqualTo("processing");
        assertThat(world.storage.bytesOf(new ObjectKey(instruction.objectKey()).sealed())).isEqualTo(video);
    }

    @Test
    void aRangeSkipsStoredPartsAndPointsAtTheNextMissingOne() {
        var created = send(Attachment.of("movie.mp4", 2L * 1024 * 1024 * 1024, "video/mp4", "video"));
        var instruction = (UploadInstruction.Multipart) created.uploads().get(0);
        String etagOfFirst = world.storage.uploadPart(instruction.uploadId(), 1, new byte[] {1});
        for (int number : List.of(2, 101, 201, 202)) {
            world.storage.uploadPart(instruction.uploadId(), number, new byte[] {(byte) number});
        }

        PartsIssued first = ask(instruction.assetId(), null, List.of(), null);
        PartsIssued second = ask(instruction.assetId(), null, List.of(), first.batch().nextPartNumber());

        assertThat(first.uploadedParts()).extracting(StoredPart::partNumber).containsExactly(1, 2, 101, 201, 202);
        assertThat(first.uploadedParts().get(0).size()).isEqualTo(1);
        assertThat(first.uploadedParts().get(0).etag()).isEqualTo(etagOfFirst);
        assertThat(first.batch().items()).hasSize(100).extracting(PartUrl::partNumber)
                .startsWith(3, 4).contains(100, 102).doesNotContain(1, 2, 101).endsWith(103);
        assertThat(first.batch().nextPartNumber()).isEqualTo(104);
        assertThat(second.batch().items()).hasSize(100).extracting(PartUrl::partNumber)
                .startsWith(104).doesNotContain(201, 202).endsWith(205);
        assertThat(second.batch().nextPartNumber()).isEqualTo(206);
    }

    @Test
    void listedPartNumbersThatAreStoredAreNotSignedAgain() {
        UploadInstruction.Multipart instruction = sendVideo();
        putPart(instruction, 2);

        PartsIssued issued = ask(instruction.assetId(), null, List.of(3, 2, 1, 3), null);

        assertThat(issued.batch().items()).extracting(PartUrl::partNumber).containsExactly(1, 3);
        assertThat(issued.uploadedParts()).extracting(StoredPart::partNumber).containsExactly(2);
        assertThat(issued.batch().nextPartNumber()).isNull();
    }

    @Test
    void whenEveryPartIsStoredNothingIsSignedAndNothingIsNext() {
        UploadInstruction.Multipart instruction = sendVideo();
        putPart(instruction, 1);
        putPart(instruction, 2);
        putPart(instruction, 3);

        PartsIssued range = ask(instruction.assetId(), null, List.of(), 2);
        PartsIssued listed = ask(instruction.assetId(), null, List.of(1), null);

        assertThat(range.batch().items()).isEmpty();
        assertThat(range.batch().nextPartNumber()).isNull();
        assertThat(range.uploadedParts()).hasSize(3);
        assertThat(listed.batch().items()).isEmpty();
        assertThat(listed.batch().nextPartNumber()).isNull();
    }

    @Test
    void anExplicitListStopsBeforeALaterMissingPartItPointsAt() {
        UploadInstruction.Multipart instruction = sendVideo();
        putPart(instruction, 2);

        PartsIssued issued = ask(instruction.assetId(), null, List.of(1), null);

        assertThat(issued.batch().items()).extracting(PartUrl::partNumber).containsExactly(1);
        assertThat(issued.batch().nextPartNumber()).isEqualTo(3);
    }

    @Test
    void aPartTheStoreHoldsOutsideThePlanIsNeitherListedNorCountedAsStored() {
        UploadInstruction.Multipart instruction = sendVideo();
        putPart(instruction, 1);
        world.storage.uploadPart(instruction.uploadId(), 9, new byte[] {9});

        PartsIssued issued = ask(instruction.assetId(), null, List.of(), null);

        assertThat(issued.uploadedParts()).extracting(StoredPart::partNumber).containsExactly(1);
        assertThat(issued.batch().items()).extracting(PartUrl::partNumber).containsExactly(2, 3);
    }

    @Test
    void aListOfAtMostOneBatchIsSignedAndOneMoreIsRefused() {
        var created = send(Attachment.of("movie.mp4", 2L * 1024 * 1024 * 1024, "video/mp4", "video"));
        long assetId = created.uploads().get(0).assetId();
        List<Integer> batch = java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList();

        assertThat(ask(assetId, null, batch, null).batch().items()).hasSize(100);
        assertThatThrownBy(() -> ask(assetId, null,
                java.util.stream.IntStream.rangeClosed(1, 101).boxed().toList(), null))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("too_many_parts_requested"));
    }

    @Test
    void anUploadTheStoreNoLongerKnowsIsNotFound() {
        UploadInstruction.Multipart instruction = sendVideo();
        world.storage.abortMultipart(new ObjectKey(instruction.objectKey()), instruction.uploadId());

        assertThatThrownBy(() -> ask(instruction.assetId(), null, List.of(), null))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("upload_not_found");
                    assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.CONFLICT);
                });
    }

    @Test
    void anotherUploadIdIsRefused() {
        UploadInstruction.Multipart instruction = sendVideo();

        assertThatThrownBy(() -> ask(instruction.assetId(), "another", List.of(), null))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("upload_id_mismatch"));
    }

    @Test
    void aDirectUploadGetsAFreshPutUrl() {
        var instruction = (UploadInstruction.Direct) send(Attachment.of("a.pdf", 102_400, "application/pdf", "file"))
                .uploads().get(0);
        world.clock.advance(Duration.ofMinutes(30));

        PartsIssued issued = ask(instruction.assetId(), null, null, null);

        assertThat(issued.mode()).isEqualTo("direct");
        assertThat(issued.objectKey()).isEqualTo(instruction.objectKey());
        assertThat(issued.headers()).containsEntry("Content-Type", "application/pdf");
        assertThat(issued.expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofHours(1)).toString());
        assertThat(issued.putUrl()).contains(instruction.objectKey()).contains("length=102400")
                .contains("expires=" + world.clock.instant().plus(Duration.ofHours(1)).getEpochSecond())
                .isNotEqualTo(instruction.putUrl());
        assertThat(issued.uploadId()).isNull();
        assertThat(issued.batch()).isNull();
        assertThat(issued.uploadedParts()).isNull();
    }

    @Test
    void aDirectUploadHasNoPartsAndNoUploadId() {
        long assetId = send(Attachment.of("a.pdf", 102_400, "application/pdf", "file")).uploads().get(0).assetId();

        assertThatThrownBy(() -> ask(assetId, null, List.of(1), null))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("not_multipart"));
        assertThatThrownBy(() -> ask(assetId, null, List.of(), 1))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("not_multipart"));
        assertThatThrownBy(() -> ask(assetId, "memory-upload-1", List.of(), null))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("upload_id_mismatch");
                    assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.UNPROCESSABLE);
                });
    }

    @Test
    void aCancelledUploadGetsNoUrlOfEitherKind() {
        long direct = send(Attachment.of("a.pdf", 102_400, "application/pdf", "file")).uploads().get(0).assetId();
        long multipart = sendVideo().assetId();
        for (long assetId : List.of(direct, multipart)) {
            world.services.abortUpload().abort(new AbortUploadCommand(SENDER, new AssetReference(assetId, null)));

            assertThatThrownBy(() -> ask(assetId, null, List.of(), null))
                    .isInstanceOfSatisfying(RequestRejected.class,
                            rejected -> assertThat(rejected.code()).isEqualTo("upload_not_active"));
        }
    }
}
