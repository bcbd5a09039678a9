package dev.mosaic.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.event.Event;
import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UserId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The frontend guide's story, step by step, through the use cases with in-memory ports. */
class GuideStoryTest {
    static final UserId SENDER = UserId.of(1);
    static final UserId RECEIVER = UserId.of(42);
    static final UserId STRANGER = UserId.of(7);

    final FakeWorld world = new FakeWorld();

    static SendAlbumCommand guideRequest() {
        return new SendAlbumCommand(SENDER, 42L, "Check out the photos from the trip! \uD83C\uDF34", List.of(
                Attachment.of("beach.jpg", 3_050_000, "image/jpeg", "image"),
                Attachment.of("party.mp4", 15_000_000, "video/mp4", "video").withParts(5_242_880L, 3L),
                Attachment.of("itinerary.pdf", 102_400, "application/pdf", "file")), null);
    }

    @Test
    void theBatchRequestAnswersOneInstructionPerAttachmentInOrder() {
        AlbumCreated created = world.services.sendAlbum().send(guideRequest());

        assertThat(created.uploads()).extracting(UploadInstruction::mode)
                .containsExactly("direct", "multipart", "direct");
        UploadInstruction.Multipart video = (UploadInstruction.Multipart) created.uploads().get(1);
        assertThat(video.uploadId()).isNotBlank();
        assertThat(video.partSize()).isEqualTo(5_242_880L);
        assertThat(video.numParts()).isEqualTo(3);
        assertThat(video.batch().items()).extracting(item -> item.size())
                .containsExactly(5_242_880L, 5_242_880L, 15_000_000L - 2 * 5_242_880L);
        assertThat(video.batch().nextPartNumber()).isNull();
        assertThat(((UploadInstruction.Direct) created.uploads().get(0)).headers()).containsEntry("Content-Type", "image/jpeg");
        assertThat(created.uploads()).extracting(UploadInstruction::objectKey)
                .allSatisfy(key -> assertThat(key).startsWith("raw/1/"))
                .doesNotHaveDuplicates();
        assertThat(world.eventsOf(RECEIVER)).singleElement().isInstanceOf(Event.ChatMessage.class);
    }

    @Test
    void senderAndReceiverGetTheSameEventsInOrderAndAStrangerNone() {
        AlbumCreated created = world.services.sendAlbum().send(guideRequest());
        long image = created.uploads().get(0).assetId();
        long video = created.uploads().get(1).assetId();
        long pdf = created.uploads().get(2).assetId();

        complete(created, 2);
        complete(created, 0);
        world.runJobs();
        complete(created, 1);
        world.runJobs();

        List<String> expected = List.of(
                "chat_message",
                pdf + ":processing",
                image + ":processing",
                pdf + ":ready",
                image + ":thumbnail_ready",
                image + ":ready",
                video + ":processing",
                video + ":thumbnail_ready",
                video + ":transcoding 50",
                video + ":transcoding 100",
                video + ":ready",
                "chat_message_complete");
        assertThat(describe(world.eventsOf(SENDER))).containsExactlyElementsOf(expected);
        assertThat(describe(world.eventsOf(RECEIVER))).containsExactlyElementsOf(expected);
        assertThat(world.eventsOf(STRANGER)).isEmpty();
        assertThat(world.events.since(RECEIVER, 0, 100)).extracting(stored -> stored.sequence())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void thumbnailReadyCarriesTheThumbnailAndTheDimensions() {
        AlbumCreated created = world.services.sendAlbum().send(guideRequest());
        complete(created, 0);
        world.runJobs();

        AssetView thumbnailReady = updates(RECEIVER).stream()
                .filter(view -> view.stage().equals("thumbnail_ready")).findFirst().orElseThrow();
        assertThat(thumbnailReady.thumbnailUrl()).startsWith("memory://");
        assertThat(thumbnailReady.progress()).isEqualTo(100);
        assertThat(thumbnailReady.width()).isEqualTo(1600);
        assertThat(thumbnailReady.height()).isEqualTo(1200);
        assertThat(thumbnailReady.placeholder()).isEqualTo("placeholder");
        AssetView ready = updates(RECEIVER).get(updates(RECEIVER).size() - 1);
        assertThat(ready.stage()).isEqualTo("ready");
        assertThat(ready.previewUrl()).isNotNull();
        assertThat(ready.downloadUrl()).isNotNull();
    }

    @ParameterizedTest(name = "completion order {0}")
    @MethodSource("everyOrder")
    void completionsInAnyOrderEachCellFillsInOnItsOwn(List<Integer> order) {
        AlbumCreated created = world.services.sendAlbum().send(guideRequest());
        for (int index : order) {
            complete(created, index);
            world.runJobs();
        }

        for (int index = 0; index < 3; index++) {
            long assetId = created.uploads().get(index).assetId();
            List<String> stages = updates(SENDER).stream().filter(view -> view.assetId() == assetId)
                    .map(AssetView::stage).distinct().toList();
            List<String> expected = switch (index) {
                case 0 -> List.of("processing", "thumbnail_ready", "ready");
                case 1 -> List.of("processing", "thumbnail_ready", "transcoding", "ready");
                default -> List.of("processing", "ready");
            };
            assertThat(stages).containsExactlyElementsOf(expected);
        }
        List<Event> events = world.eventsOf(RECEIVER);
        assertThat(events.get(events.size() - 1)).isInstanceOf(Event.ChatMessageComplete.class);
        assertThat(events).filteredOn(Event.ChatMessageComplete.class::isInstance).hasSize(1);
    }

    static Stream<Arguments> everyOrder() {
        return Stream.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0), List.of(2, 0, 1),
                List.of(2, 1, 0)).map(Arguments::of);
    }

    /** What the guide's client does for attachment {@code index}: PUT the bytes, then complete by object_key. */
    void complete(AlbumCreated created, int index) {
        UploadInstruction instruction = created.uploads().get(index);
        ObjectKey key = new ObjectKey(instruction.objectKey());
        List<CompletedPart> parts = null;
        String uploadId = null;
        if (instruction instanceof UploadInstruction.Direct direct) {
            String type = direct.headers().get("Content-Type");
            world.storage.upload(key, bytesOf(type, index == 0 ? 3_050_000 : 102_400), ContentType.parse(type).orElseThrow());
        } else {
            var multipart = (UploadInstruction.Multipart) instruction;
            uploadId = multipart.uploadId();
            byte[] video = bytesOf("video/mp4", 15_000_000);
            parts = new ArrayList<>();
            long offset = 0;
            for (var item : multipart.batch().items()) {
                byte[] part = Arrays.copyOfRange(video, (int) offset, (int) (offset + item.size()));
                offset += item.size();
                parts.add(new CompletedPart(item.partNumber(),
                        world.storage.uploadPart(uploadId, item.partNumber(), part)));
            }
        }
        world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(null, instruction.objectKey()), uploadId, parts));
    }

    static byte[] bytesOf(String type, int size) {
        byte[] bytes = new byte[size];
        byte[] magic = switch (type) {
            case "image/jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
            case "video/mp4" -> new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
            case "application/pdf" -> "%PDF-1.7\n".getBytes();
            default -> new byte[0];
        };
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    List<AssetView> updates(UserId user) {
        return world.eventsOf(user, Event.ChatMessageUpdate.class).stream()
                .map(Event.ChatMessageUpdate::data).toList();
    }

    static List<String> describe(List<Event> events) {
        return events.stream().map(event -> {
            if (event instanceof Event.ChatMessageUpdate update) {
                AssetView view = update.data();
                return view.assetId() + ":" + view.stage()
                        + (view.stage().equals("transcoding") ? " " + view.progress() : "");
            }
            return event.type();
        }).toList();
    }
}
