package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static dev.mosaic.application.service.GuideStoryTest.guideRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SendAlbumTest {
    final FakeWorld world = new FakeWorld();

    static SendAlbumCommand album(Attachment... attachments) {
        return new SendAlbumCommand(SENDER, 42L, "hi", List.of(attachments), null);
    }

    static Attachment photo() {
        return Attachment.of("a.jpg", 1000, "image/jpeg", "image");
    }

    /** Large enough to be uploaded in parts. */
    static Attachment video() {
        return Attachment.of("v.mp4", 50_000_000, "video/mp4", "video");
    }

    static Stream<Arguments> refusedBatches() {
        Attachment big = Attachment.of("v.mp4", 15_000_000, "video/mp4", "video");
        return Stream.of(
                Arguments.of(album(Collections.nCopies(11, photo()).toArray(Attachment[]::new)), "too_many_attachments"),
                Arguments.of(album(Attachment.of(null, 1, "image/jpeg", "image")), "file_name_missing"),
                Arguments.of(album(new Attachment("a", null, "image/jpeg", "image", null, null, null, null, null, null, null, null)),
                        "file_size_missing"),
                Arguments.of(album(Attachment.of("a", 0, "image/jpeg", "image")), "file_size_invalid"),
                Arguments.of(album(Attachment.of("a", -5, "image/jpeg", "image")), "file_size_invalid"),
                Arguments.of(album(Attachment.of("a", Long.MAX_VALUE, "image/jpeg", "image")), "file_too_large"),
                Arguments.of(album(Attachment.of("a", 1, "image/jpeg", "sticker")), "kind_invalid"),
                Arguments.of(album(Attachment.of("a", 1, "jpeg", "image")), "content_type_invalid"),
                Arguments.of(album(Attachment.of("a", 1, "video/mp4", "image")), "content_type_kind_mismatch"),
                Arguments.of(album(Attachment.of("a", 1, "image/svg+xml", "image")), "content_type_kind_mismatch"),
                Arguments.of(album(big.withParts(1024L, null)), "part_size_out_of_range"),
                Arguments.of(album(big.withParts(5_242_880L, 4L)), "part_proposal_inconsistent"),
                Arguments.of(album(big.withParts(null, 20_000L)), "part_count_out_of_range"),
                Arguments.of(album(photo().withHints(0, 10, null, null)), "dimension_invalid"),
                Arguments.of(album(photo().withHints(null, null, -1.0, null)), "duration_invalid"),
                Arguments.of(album(photo().withHints(null, null, null, "x".repeat(129))), "placeholder_invalid"),
                Arguments.of(new SendAlbumCommand(SENDER, 42L, "x".repeat(4097), List.of(photo()), null),
                        "text_too_long"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedBatches")
    void aRefusedBatchLeavesNothingBehind(SendAlbumCommand command, String code) {
        assertThatThrownBy(() -> world.services.sendAlbum().send(command))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> assertThat(rejected.code()).isEqualTo(code));
        assertThat(world.events.lastSequence(SENDER)).isZero();
        assertThat(world.storage.openMultipartUploads()).isZero();
        assertThat(world.transactions.committed()).isZero();
    }

    @Test
    void anAlbumIsAReservationThenOneStore() {
        world.services.sendAlbum().send(album(photo(), photo()));

        // the quota's read with the ids, then the album, its assets and its events
        assertThat(world.transactions.committed()).isEqualTo(2);
        assertThat(world.events.lastSequence(SENDER)).isEqualTo(1);
    }

    @Test
    void anAlbumDrawsItsMessageIdAndEveryAssetIdAtOnceAndNothingMore() {
        AlbumCreated created = world.services.sendAlbum().send(album(photo(), photo(), photo()));

        assertThat(world.ids.albumsDrawn()).isEqualTo(1);
        assertThat(created.messageId()).isEqualTo(100);
        assertThat(created.uploads()).extracting(UploadInstruction::assetId).containsExactly(500L, 501L, 502L);
        assertThat(world.ids.nextMessageId().value()).isEqualTo(101);
        assertThat(world.ids.nextAssetId().value()).isEqualTo(503);
    }

    @Test
    void aMultipartUploadStartsBetweenTheReservationAndTheStoreOutsideAnyTransaction() {
        List<Boolean> startedInATransaction = new ArrayList<>();
        List<Integer> committedBefore = new ArrayList<>();
        world.storage.whenMultipartStarts(() -> {
            startedInATransaction.add(world.transactions.isOpen());
            committedBefore.add(world.transactions.committed());
        });

        world.services.sendAlbum().send(guideRequest());

        assertThat(startedInATransaction).containsExactly(false);
        assertThat(committedBefore).as("the reservation only").containsExactly(1);
        assertThat(world.transactions.committed()).isEqualTo(2);
        assertThat(world.storage.openMultipartUploads()).isEqualTo(1);
        assertThat(world.events.lastSequence(SENDER)).isEqualTo(1);
    }

    @Test
    void aKeyedBatchWhoseStoreFailedFreesItsKeyAndAnnouncesNothing() {
        SendAlbumCommand keyed = new SendAlbumCommand(SENDER, 42L, "hi", List.of(photo()), "key-1");
        world.failNextEventAppend.set(true);

        assertThatThrownBy(() -> world.services.sendAlbum().send(keyed)).isInstanceOf(IllegalStateException.class);

        assertThat(world.idempotency.find(SENDER, "key-1")).isEmpty();
        assertThat(world.notified).isEmpty();
        AlbumCreated created = world.services.sendAlbum().send(keyed);
        assertThat(world.idempotency.find(SENDER, "key-1").orElseThrow().message())
                .contains(dev.mosaic.domain.MessageId.of(created.messageId()));
        assertThat(world.notified).containsExactlyInAnyOrder(SENDER, UserId.of(42));
    }

    /** The store's commit reached the database, its answer did not: the retry gets that album, not a second one. */
    @Test
    void aBatchWhoseStoreCommittedButLostItsAnswerIsAnsweredWithItsUploadsOpenAndTheRetryReplaysIt() {
        SendAlbumCommand keyed = new SendAlbumCommand(SENDER, 42L, "hi", List.of(photo(), video()), "key-1");
        world.loseNextStoresAnswer.set(true);

        AlbumCreated created = world.services.sendAlbum().send(keyed);

        assertThat(world.storage.openMultipartUploads()).as("the stored video's upload").isEqualTo(1);
        assertThat(world.notified).contains(UserId.of(42));
        var stored = world.idempotency.find(SENDER, "key-1").orElseThrow().message().orElseThrow();
        assertThat(created.messageId()).isEqualTo(stored.value());
        AlbumCreated retried = world.services.sendAlbum().send(keyed);
        assertThat(retried.messageId()).isEqualTo(stored.value());
        assertThat(world.messages.conversation(SENDER, UserId.of(42), java.util.Optional.empty(), 10)).hasSize(1);
        assertThat(world.storage.openMultipartUploads()).isEqualTo(1);
    }

    @Test
    void aMultipartUploadStartedForABatchWhoseStoreFailedIsAborted() {
        world.failNextEventAppend.set(true);

        assertThatThrownBy(() -> world.services.sendAlbum().send(guideRequest())).isInstanceOf(RuntimeException.class);

        assertThat(world.storage.openMultipartUploads()).isZero();
        assertThat(world.transactions.committed()).as("the reservation only").isEqualTo(1);
    }

    @Test
    void commandsWithoutReceiverOrAttachmentsAreInvalid() {
        assertThatThrownBy(() -> new SendAlbumCommand(SENDER, null, "", List.of(photo()), null))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("receiver_id_missing"));
        assertThatThrownBy(() -> new SendAlbumCommand(SENDER, 42L, "", List.of(), null))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("attachments_missing"));
    }

    @Test
    void aReceiverNobodyCanSignInAsIsInvalid() {
        assertThat(new SendAlbumCommand(SENDER, UserId.MAX, "", List.of(photo()), null).receiverId())
                .isEqualTo(UserId.MAX);
        for (long unreachable : new long[] {0, -1, UserId.MAX + 1, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> new SendAlbumCommand(SENDER, unreachable, "", List.of(photo()), null))
                    .isInstanceOfSatisfying(RequestRejected.class,
                            rejected -> assertThat(rejected.code()).isEqualTo("receiver_id_invalid"));
        }
    }

    @Test
    void aMultipartUploadStartedForAFailedBatchIsAborted() {
        world.failNextEventAppend.set(true);
        assertThatThrownBy(() -> world.services.sendAlbum().send(guideRequest())).isInstanceOf(RuntimeException.class);
        assertThat(world.storage.openMultipartUploads()).isZero();
    }

    @Test
    void aLargeFileWithoutProposalGetsTheServersPlanAndAFirstBatchOfAHundredParts() {
        AlbumCreated created = world.services.sendAlbum().send(album(
                Attachment.of("movie.mp4", 2L * 1024 * 1024 * 1024, "video/mp4", "video")));
        var upload = (UploadInstruction.Multipart) created.uploads().get(0);
        assertThat(upload.mode()).isEqualTo("multipart");
        assertThat(upload.numParts()).isEqualTo(256);
        assertThat(upload.batch().items()).hasSize(100);
        assertThat(upload.batch().nextPartNumber()).isEqualTo(101);
    }

    @Test
    void displayNamesAreSanitisedAndNeverReachTheKey() {
        AlbumCreated created = world.services.sendAlbum().send(album(
                Attachment.of("../../etc/pass\u202Ewd.jpg", 1000, "image/jpeg", "image")));
        assertThat(created.uploads().get(0).fileName()).isEqualTo("pass" + "wd.jpg");
        assertThat(created.uploads().get(0).objectKey()).matches("raw/1/\\d+/[a-z0-9._-]+").doesNotContain("..");
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswerTheSameAlbum() {
        SendAlbumCommand command = withKey(guideRequest(), "key-1");
        AlbumCreated first = world.services.sendAlbum().send(command);
        AlbumCreated again = world.services.sendAlbum().send(command);

        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.uploads()).extracting(u -> u.assetId())
                .containsExactlyElementsOf(first.uploads().stream().map(u -> u.assetId()).toList());
        assertThat(world.events.lastSequence(SENDER)).isEqualTo(1);
        assertThat(world.storage.openMultipartUploads()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        world.services.sendAlbum().send(withKey(guideRequest(), "key-1"));
        assertThatThrownBy(() -> world.services.sendAlbum().send(withKey(album(photo()), "key-1")))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("idempotency_key_reused");
                    assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.UNPROCESSABLE);
                });
    }

    @Test
    void aMissingTextAndTheTextNullAreDifferentBodiesForTheSameKey() {
        world.services.sendAlbum().send(new SendAlbumCommand(SENDER, 42L, null, List.of(photo()), "key-null"));
        assertThatThrownBy(() -> world.services.sendAlbum()
                .send(new SendAlbumCommand(SENDER, 42L, "null", List.of(photo()), "key-null")))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("idempotency_key_reused"));
    }

    @Test
    void aKeyWhoseFirstRequestIsStillRunningIsAConflict() {
        SendAlbumCommand command = withKey(guideRequest(), "key-2");
        world.idempotency.reserve(SENDER, "key-2", command.fingerprint(), world.clock.instant());
        assertThatThrownBy(() -> world.services.sendAlbum().send(command))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("idempotency_key_in_progress");
                    assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.CONFLICT);
                });
    }

    @Test
    void answeringAnAlbumAgainReopensNoUploadThatIsNoLongerWaiting() {
        SendAlbumCommand command = withKey(guideRequest(), "key-3");
        AlbumCreated first = world.services.sendAlbum().send(command);
        long pdf = first.uploads().get(2).assetId();
        world.services.abortUpload().abort(new dev.mosaic.application.port.in.AbortUploadCommand(SENDER,
                new dev.mosaic.application.port.in.AssetReference(pdf, null)));

        AlbumCreated again = world.services.sendAlbum().send(command);

        assertThat(again.uploads().get(2)).as("no URL for a cancelled upload")
                .isInstanceOf(UploadInstruction.Settled.class).extracting(UploadInstruction::mode).isEqualTo("direct");
        assertThat(again.uploads().get(0)).isInstanceOf(UploadInstruction.Direct.class);
    }

    static SendAlbumCommand withKey(SendAlbumCommand command, String key) {
        return new SendAlbumCommand(command.sender(), command.receiverId(), command.text(), command.attachments(), key);
    }
}
