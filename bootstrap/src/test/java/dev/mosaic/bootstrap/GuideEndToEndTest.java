package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static dev.mosaic.bootstrap.RunningMosaic.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide, literally, against a running Mosaic: its JSON, its PUTs (a plain PUT with only
 * Content-Type), completion by {@code object_key}, part ETags read from response headers, and the
 * events sender and receiver get over real WebSockets.
 */
class GuideEndToEndTest {

    static final long SENDER = 1;
    static final long RECEIVER = 42;
    static final long STRANGER = 7;

    @TempDir
    Path dataDir;
    RunningMosaic server;

    final byte[] beach = Samples.jpeg(2400, 1600);
    final byte[] party = Samples.mp4(15_000_000);
    final byte[] itinerary = Samples.pdf();

    @BeforeEach
    void start() {
        server = new RunningMosaic(dataDir, environment());
    }

    /** More MOSAIC_* settings for this run: the storage backend, say. */
    Map<String, String> environment() {
        return Map.of();
    }

    /** Mosaic's own store answers downloads with nosniff; a cloud store answers for itself. */
    boolean servesNosniff() {
        return true;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String guideBatch() {
        return """
                {
                  "receiver_id": 42,
                  "text": "Check out the photos from the trip! \uD83C\uDF34",
                  "attachments": [
                    {"file_name": "beach.jpg", "file_size": %d, "content_type": "image/jpeg", "kind": "image"},
                    {"file_name": "party.mp4", "file_size": %d, "content_type": "video/mp4", "kind": "video",
                     "client_part_size": 5242880, "client_num_parts": 3},
                    {"file_name": "itinerary.pdf", "file_size": %d, "content_type": "application/pdf", "kind": "file"}
                  ]
                }""".formatted(beach.length, party.length, itinerary.length);
    }

    @Test
    void theGuidesFiveStepsWorkAsWrittenAndOnlySenderAndReceiverHearOfThem() throws Exception {
        try (SocketClient sender = SocketClient.withHeader(server.socketUrl(), token(SENDER));
             SocketClient receiver = SocketClient.withFirstFrame(server.socketUrl(), token(RECEIVER), 0);
             SocketClient stranger = SocketClient.withHeader(server.socketUrl(), token(STRANGER))) {
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    sender.types().contains("ready") && receiver.types().contains("ready")
                            && stranger.types().contains("ready"));

            HttpResponse<String> created = server.post("/api/v1/files/upload/", SENDER, guideBatch());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode batch = json(created);
            JsonNode uploads = batch.get("uploads");
            assertThat(uploads).hasSize(3);
            assertThat(uploads.get(0).get("mode").asText()).isEqualTo("direct");
            assertThat(uploads.get(1).get("mode").asText()).isEqualTo("multipart");
            assertThat(uploads.get(1).get("batch").get("items")).hasSize(3);

            List<byte[]> files = List.of(beach, party, itinerary);
            List<String> types = List.of("image/jpeg", "video/mp4", "application/pdf");
            for (int i = 0; i < 3; i++) {
                JsonNode instruction = uploads.get(i);
                HttpResponse<String> completed = instruction.get("mode").asText().equals("direct")
                        ? uploadDirect(instruction, files.get(i), types.get(i))
                        : uploadMultipart(instruction, files.get(i));
                assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
            }

            long messageId = batch.get("message_id").asLong();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    json(server.get("/api/v1/messages/" + messageId, SENDER)).get("complete").asBoolean());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(sender.types()).as("sender saw %s", sender.frames).contains("chat_message_complete");
                assertThat(receiver.types()).as("receiver saw %s", receiver.frames).contains("chat_message_complete");
            });

            long image = uploads.get(0).get("asset_id").asLong();
            long video = uploads.get(1).get("asset_id").asLong();
            long pdf = uploads.get(2).get("asset_id").asLong();
            for (SocketClient client : List.of(sender, receiver)) {
                List<JsonNode> events = client.events();
                assertThat(events.get(0).get("type").asText()).isEqualTo("chat_message");
                assertThat(events.get(0).get("data").get("assets")).hasSize(3);
                assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("chat_message_complete");
                assertThat(events).extracting(event -> event.get("seq").asLong()).isSorted().doesNotHaveDuplicates();
                assertThat(stagesOf(events, image)).containsExactly("processing", "thumbnail_ready", "ready");
                List<String> videoStages = stagesOf(events, video);
                assertThat(videoStages).startsWith("processing", "thumbnail_ready").endsWith("ready");
                assertThat(videoStages.subList(2, videoStages.size() - 1)).containsOnly("transcoding");
                assertThat(playbackOf(events, video)).as("a playback rendition").isNotBlank();
                assertThat(stagesOf(events, pdf)).containsExactly("processing", "ready");
            }
            assertThat(withoutUrls(sender.events())).isEqualTo(withoutUrls(receiver.events()));
            assertThat(stranger.events()).isEmpty();

            JsonNode thumbnailReady = receiver.events().stream()
                    .filter(event -> event.path("data").path("stage").asText().equals("thumbnail_ready"))
                    .findFirst().orElseThrow().get("data");
            assertThat(thumbnailReady.get("width").asInt()).isEqualTo(2400);
            assertThat(thumbnailReady.get("height").asInt()).isEqualTo(1600);
            HttpResponse<byte[]> thumbnail = server.client.send(
                    HttpRequest.newBuilder(URI.create(thumbnailReady.get("thumbnail_url").asText())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(thumbnail.statusCode()).isEqualTo(200);
            if (servesNosniff()) {
                assertThat(thumbnail.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            }
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
            assertThat(decoded).as("the thumbnail decodes").isNotNull();
            assertThat(Math.max(decoded.getWidth(), decoded.getHeight())).isLessThanOrEqualTo(320);

            JsonNode message = json(server.get("/api/v1/messages/" + batch.get("message_id").asLong(), RECEIVER));
            assertThat(message.get("complete").asBoolean()).isTrue();
            assertThat(message.get("assets")).extracting(asset -> asset.get("stage").asText())
                    .containsExactly("ready", "ready", "ready");
            HttpResponse<byte[]> download = server.client.send(HttpRequest.newBuilder(
                    URI.create(message.get("assets").get(2).get("download_url").asText())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.body()).isEqualTo(itinerary);
            assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
            assertThat(server.get("/api/v1/messages/" + batch.get("message_id").asLong(), STRANGER).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aReceiverWhoReconnectsWithSinceGetsWhatItMissedOnce() throws Exception {
        HttpResponse<String> created = server.post("/api/v1/files/upload/", SENDER, guideBatch());
        JsonNode pdf = json(created).get("uploads").get(2);
        uploadDirect(pdf, itinerary, "application/pdf");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                json(server.get("/api/v1/messages/" + json(created).get("message_id").asLong(), RECEIVER))
                        .get("assets").get(2).get("stage").asText().equals("ready"));

        try (SocketClient late = SocketClient.withFirstFrame(server.socketUrl(), token(RECEIVER), 1)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> late.events().size() >= 2);
            Thread.sleep(300);
            assertThat(late.events()).extracting(event -> event.get("seq").asLong()).containsExactly(2L, 3L);
            assertThat(late.events()).extracting(event -> event.get("data").get("stage").asText())
                    .containsExactly("processing", "ready");
        }
    }

    HttpResponse<String> uploadDirect(JsonNode instruction, byte[] file, String type) {
        HttpResponse<String> put = server.send(HttpRequest.newBuilder(URI.create(instruction.get("put_url").asText()))
                .header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return server.post("/api/v1/files/upload/complete/", SENDER,
                "{\"object_key\": \"" + instruction.get("object_key").asText() + "\"}");
    }

    HttpResponse<String> uploadMultipart(JsonNode instruction, byte[] file) throws Exception {
        List<String> parts = new ArrayList<>();
        long offset = 0;
        for (JsonNode item : instruction.get("batch").get("items")) {
            int size = item.get("size").asInt();
            byte[] part = Arrays.copyOfRange(file, (int) offset, (int) offset + size);
            offset += size;
            HttpResponse<String> put = server.send(HttpRequest.newBuilder(URI.create(item.get("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(part)).build());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            String etag = put.headers().firstValue("ETag").orElseThrow();
            parts.add("{\"ETag\": " + RunningMosaic.JSON.writeValueAsString(etag) + ", \"PartNumber\": "
                    + item.get("part_number").asInt() + "}");
        }
        return server.post("/api/v1/files/upload/complete/", SENDER, """
                {"object_key": "%s", "upload_id": "%s", "parts": [%s]}""".formatted(
                instruction.get("object_key").asText(), instruction.get("upload_id").asText(),
                String.join(", ", parts)));
    }

    static List<String> stagesOf(List<JsonNode> events, long assetId) {
        return events.stream()
                .filter(event -> event.get("type").asText().equals("chat_message_update"))
                .filter(event -> event.get("data").get("asset_id").asLong() == assetId)
                .map(event -> event.get("data").get("stage").asText())
                .toList();
    }

    static String playbackOf(List<JsonNode> events, long assetId) {
        return events.stream()
                .filter(event -> event.get("type").asText().equals("chat_message_update"))
                .filter(event -> event.get("data").get("asset_id").asLong() == assetId)
                .filter(event -> event.get("data").get("stage").asText().equals("ready"))
                .map(event -> event.get("data").path("playback_url").asText())
                .findFirst().orElse("");
    }

    static List<String> withoutUrls(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asText() + ":" + event.get("seq").asLong() + ":"
                + event.path("data").path("asset_id").asLong() + ":" + event.path("data").path("stage").asText())
                .collect(Collectors.toList());
    }

}
