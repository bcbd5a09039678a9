package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static dev.mosaic.bootstrap.RunningMosaic.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event log keeps facts and URLs are signed when an event is sent: with URLs living five seconds,
 * a URL read seven seconds ago is refused, and the same events replayed from {@code since=0} then carry
 * URLs that work.
 */
class EventReplayTest {
    private static final long SENDER = 1;
    private static final long RECEIVER = 42;

    @TempDir
    Path dataDir;
    RunningMosaic server;

    @BeforeEach
    void start() {
        server = new RunningMosaic(dataDir, Map.of("MOSAIC_DOWNLOAD_URL_TTL", "PT5S"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anEventReplayedAfterItsUrlsExpiredCarriesUrlsThatWork() throws Exception {
        byte[] photo = Samples.jpeg(640, 480);
        HttpResponse<String> created = server.post("/api/v1/files/upload/", SENDER, """
                {"receiver_id": 42, "attachments": [
                  {"file_name": "beach.jpg", "file_size": %d, "content_type": "image/jpeg", "kind": "image"}]}"""
                .formatted(photo.length));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode upload = json(created).get("uploads").get(0);
        long messageId = json(created).get("message_id").asLong();
        assertThat(put(upload.get("put_url").asText(), photo).statusCode()).isEqualTo(200);
        HttpResponse<String> completed = server.post("/api/v1/files/upload/complete/", SENDER,
                "{\"object_key\": \"" + upload.get("object_key").asText() + "\"}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                json(server.get("/api/v1/messages/" + messageId, RECEIVER)).get("complete").asBoolean());

        JsonNode readEarly = json(server.get("/api/v1/messages/" + messageId, RECEIVER)).get("assets").get(0);
        String oldDownload = readEarly.get("download_url").asText();
        String oldThumbnail = readEarly.get("thumbnail_url").asText();
        assertThat(get(oldDownload).statusCode()).as("a fresh URL works").isEqualTo(200);

        Thread.sleep(7_000);

        assertThat(get(oldDownload).statusCode()).as("a URL read 7 s ago").isEqualTo(403);
        assertThat(get(oldThumbnail).statusCode()).as("a thumbnail URL read 7 s ago").isEqualTo(403);
        try (SocketClient replay = SocketClient.withFirstFrame(server.socketUrl(), token(RECEIVER), 0)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> replay.types().contains("chat_message_complete"));
            List<JsonNode> ready = replay.events().stream()
                    .filter(event -> event.path("data").path("stage").asText().equals("ready")).toList();
            assertThat(ready).hasSize(1);
            JsonNode data = ready.get(0).get("data");
            assertThat(data.get("download_url").asText()).isNotEqualTo(oldDownload);
            assertThat(get(data.get("download_url").asText()).statusCode()).as("replayed download URL")
                    .isEqualTo(200);
            assertThat(get(data.get("thumbnail_url").asText()).statusCode()).as("replayed thumbnail URL")
                    .isEqualTo(200);
            JsonNode complete = replay.events().get(replay.events().size() - 1);
            assertThat(complete.get("type").asText()).isEqualTo("chat_message_complete");
            assertThat(get(complete.get("data").get("assets").get(0).get("download_url").asText()).statusCode())
                    .isEqualTo(200);
        }
    }

    private HttpResponse<String> put(String url, byte[] body) {
        return server.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpResponse<String> get(String url) {
        return server.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }
}
