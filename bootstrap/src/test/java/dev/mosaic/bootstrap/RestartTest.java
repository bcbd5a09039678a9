package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and starting on the same data folder keeps messages, assets and their stages. */
class RestartTest {
    @TempDir
    Path dataDir;

    static final String ALBUM = """
            {"receiver_id": 42, "text": "before the restart", "attachments": [
              {"file_name": "a.pdf", "file_size": %d, "content_type": "application/pdf", "kind": "file"},
              {"file_name": "b.pdf", "file_size": %d, "content_type": "application/pdf", "kind": "file"}]}""";

    @Test
    void messagesAssetsAndStagesSurviveARestart() {
        byte[] pdf = Samples.pdf();
        long messageId;
        try (RunningMosaic first = new RunningMosaic(dataDir)) {
            JsonNode created = json(first.post("/api/v1/files/upload/", 1, ALBUM.formatted(pdf.length, pdf.length)));
            messageId = created.get("message_id").asLong();
            JsonNode upload = created.get("uploads").get(0);
            first.send(HttpRequest.newBuilder(URI.create(upload.get("put_url").asText()))
                    .header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)).build());
            first.post("/api/v1/files/upload/complete/", 1, "{\"asset_id\": " + upload.get("asset_id").asLong() + "}");
            await().atMost(Duration.ofSeconds(30)).until(() -> json(first.get("/api/v1/messages/" + messageId, 1))
                    .get("assets").get(0).get("stage").asText().equals("ready"));
        }

        try (RunningMosaic second = new RunningMosaic(dataDir)) {
            JsonNode message = json(second.get("/api/v1/messages/" + messageId, 42));
            assertThat(message.get("text").asText()).isEqualTo("before the restart");
            assertThat(message.get("assets")).extracting(asset -> asset.get("stage").asText())
                    .containsExactly("ready", "uploading");
            JsonNode next = json(second.post("/api/v1/files/upload/", 1, ALBUM.formatted(pdf.length, pdf.length)));
            assertThat(next.get("message_id").asLong()).isGreaterThan(messageId);
        }
    }
}
