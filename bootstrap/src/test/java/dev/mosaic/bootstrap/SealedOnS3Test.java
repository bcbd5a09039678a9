package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The swap found on S3: complete a PDF, wait for {@code ready}, PUT other bytes of the same length and
 * type to the still-valid {@code put_url}. The download must still serve the verified bytes.
 */
class SealedOnS3Test {

    @TempDir
    Path dataDir;

    @Test
    void bytesPutAfterVerificationAreNeverServed() throws Exception {
        try (S3Bucket bucket = S3Bucket.start("sealed");
                RunningMosaic server = new RunningMosaic(dataDir, bucket.environment())) {
            byte[] verified = Arrays.copyOf("%PDF-1.7\nverified".getBytes(StandardCharsets.US_ASCII), 2000);
            byte[] swapped = Arrays.copyOf("%PDF-1.7\nswapped!".getBytes(StandardCharsets.US_ASCII), 2000);
            JsonNode created = json(server.post("/api/v1/files/upload/", 1, """
                    {"receiver_id": 42, "attachments": [{"file_name": "r.pdf", "file_size": 2000,
                      "content_type": "application/pdf", "kind": "file"}]}"""));
            JsonNode upload = created.get("uploads").get(0);
            HttpRequest put = HttpRequest.newBuilder(URI.create(upload.get("put_url").asText()))
                    .header("Content-Type", "application/pdf")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(verified)).build();
            assertThat(server.send(put).statusCode()).isEqualTo(200);
            assertThat(server.post("/api/v1/files/upload/complete/", 1,
                    "{\"object_key\": \"" + upload.get("object_key").asText() + "\"}").statusCode()).isEqualTo(200);
            String message = "/api/v1/messages/" + created.get("message_id").asLong();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    json(server.get(message, 1)).get("assets").get(0).path("stage").asText().equals("ready"));

            server.send(HttpRequest.newBuilder(URI.create(upload.get("put_url").asText()))
                    .header("Content-Type", "application/pdf")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(swapped)).build());

            String download = json(server.get(message, 1)).get("assets").get(0).path("download_url").asText();
            HttpResponse<byte[]> served = server.client.send(HttpRequest.newBuilder(URI.create(download)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(verified);
        }
    }
}
