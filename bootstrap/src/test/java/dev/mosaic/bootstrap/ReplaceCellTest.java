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
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cell whose file was not what it claimed is retried with the real file, then swapped for another, over
 * real HTTP and sockets, on the local store, S3 (S3Proxy) and GCS (its test double): only the sender may, both people see the
 * cell go back to uploading and settle again, and the swapped file's objects are gone once the new one is ready.
 */
class ReplaceCellTest {
    private static final long SENDER = 1;
    private static final long RECEIVER = 42;
    private static final long STRANGER = 7;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3", "gcs"})
    void aFailedCellIsRetriedThenSwappedAndBothPeopleSeeIt(String store) throws Exception {
        try (S3Bucket s3 = store.equals("s3") ? S3Bucket.start("cells") : null;
             GcsBucket gcs = store.equals("gcs") ? GcsBucket.start("cells", dataDir) : null;
             RunningMosaic server = new RunningMosaic(dataDir,
                     s3 != null ? s3.environment() : gcs != null ? gcs.environment() : Map.of());
             SocketClient receiver = SocketClient.withHeader(server.socketUrl(), token(RECEIVER))) {
            byte[] fake = new byte[Samples.pdf().length];
            JsonNode created = json(server.post("/api/v1/files/upload/", SENDER, """
                    {"receiver_id": 42, "text": "docs", "attachments": [{"file_name": "trip.pdf", "file_size": %d,
                      "content_type": "application/pdf", "kind": "file"}]}""".formatted(fake.length)));
            JsonNode upload = created.get("uploads").get(0);
            long assetId = upload.get("asset_id").asLong();
            String message = "/api/v1/messages/" + created.get("message_id").asLong();
            assertThat(put(server, upload.get("put_url").asText(), fake).statusCode()).isEqualTo(200);
            assertThat(complete(server, upload).statusCode()).isEqualTo(422);

            String retry = """
                    {"asset_id": %d, "file_name": "trip.pdf", "file_size": %d, "content_type": "application/pdf",
                     "kind": "file", "caption": "the real one", "alt_text": "our itinerary"}"""
                    .formatted(assetId, Samples.pdf().length);
            for (long other : new long[] {RECEIVER, STRANGER}) {
                HttpResponse<String> refused = server.post("/api/v1/files/upload/replace/", other, retry);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
            }
            HttpResponse<String> replaced = server.post("/api/v1/files/upload/replace/", SENDER, retry);
            assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
            JsonNode again = json(replaced);
            assertThat(again.get("asset_id").asLong()).isEqualTo(assetId);
            assertThat(again.get("object_key").asText()).isNotEqualTo(upload.get("object_key").asText());
            assertThat(put(server, again.get("put_url").asText(), Samples.pdf()).statusCode()).isEqualTo(200);
            assertThat(complete(server, again).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> stage(server, message).equals("ready"));

            JsonNode cell = json(server.get(message, RECEIVER)).get("assets").get(0);
            assertThat(cell.get("asset_id").asLong()).isEqualTo(assetId);
            assertThat(cell.get("alt_text").asText()).isEqualTo("our itinerary");
            assertThat(cell.get("caption").asText()).isEqualTo("the real one");
            String oldDownload = cell.get("download_url").asText();
            assertThat(get(server, oldDownload).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.types().stream()
                    .filter("chat_message_complete"::equals).count() == 2);
            assertThat(receiver.events()).anySatisfy(event -> {
                assertThat(event.path("type").asText()).isEqualTo("chat_message_update");
                assertThat(event.path("data").path("stage").asText()).isEqualTo("uploading");
                assertThat(event.path("data").path("alt_text").asText()).isEqualTo("our itinerary");
            });

            JsonNode swap = json(server.post("/api/v1/files/upload/replace/", SENDER, """
                    {"asset_id": %d, "file_name": "final.pdf", "file_size": %d, "content_type": "application/pdf",
                     "kind": "file"}""".formatted(assetId, Samples.pdf().length)));
            assertThat(get(server, oldDownload).statusCode()).as("served until the new file is ready").isEqualTo(200);
            assertThat(put(server, swap.get("put_url").asText(), Samples.pdf()).statusCode()).isEqualTo(200);
            assertThat(complete(server, swap).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> stage(server, message).equals("ready"));
            assertThat(json(server.get(message, SENDER)).get("assets").get(0).get("file_name").asText())
                    .isEqualTo("final.pdf");
            await().atMost(Duration.ofSeconds(10)).until(() -> get(server, oldDownload).statusCode() == 404);
        }
    }

    private static String stage(RunningMosaic server, String message) {
        return json(server.get(message, RECEIVER)).get("assets").get(0).path("stage").asText();
    }

    private static HttpResponse<String> complete(RunningMosaic server, JsonNode upload) {
        return server.post("/api/v1/files/upload/complete/", SENDER,
                "{\"asset_id\": " + upload.get("asset_id").asLong() + "}");
    }

    private static HttpResponse<String> put(RunningMosaic server, String url, byte[] body) {
        return server.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static HttpResponse<String> get(RunningMosaic server, String url) {
        return server.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }
}
