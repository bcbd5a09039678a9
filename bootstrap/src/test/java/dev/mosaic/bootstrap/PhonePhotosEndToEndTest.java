package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an iPhone sends by default, over the guide's API: IMG_0001.HEIC, image/heic. */
class PhonePhotosEndToEndTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path scratch;

    @Test
    void aHeicPhotoBecomesReadyWithAThumbnailAndItsSize() throws Exception {
        byte[] heic = heic(Samples.photoLikeJpeg(2000, 1500));
        try (RunningMosaic server = new RunningMosaic(dataDir)) {
            JsonNode upload = json(server.post("/api/v1/files/upload/", 1, """
                    {"receiver_id": 2, "attachments": [{"file_name": "IMG_0001.HEIC", "file_size": %d,
                     "content_type": "image/heic", "kind": "image"}]}""".formatted(heic.length))).get("uploads").get(0);
            HttpResponse<String> put = server.send(HttpRequest.newBuilder(URI.create(upload.get("put_url").asText()))
                    .header("Content-Type", "image/heic").PUT(HttpRequest.BodyPublishers.ofByteArray(heic)).build());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            long assetId = upload.get("asset_id").asLong();
            HttpResponse<String> completed = server.post("/api/v1/files/upload/complete/", 1,
                    "{\"asset_id\": " + assetId + "}");
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
            long messageId = json(completed).path("message_id").asLong(-1);

            JsonNode asset = await().atMost(Duration.ofSeconds(60)).until(() -> assetOf(server, upload, messageId),
                    found -> !found.path("stage").asText().equals("processing")
                            && !found.path("stage").asText().equals("uploading")
                            && !found.path("stage").asText().equals("thumbnail_ready"));

            assertThat(asset.get("stage").asText()).as(asset.toString()).isEqualTo("ready");
            assertThat(asset.get("width").asInt()).isEqualTo(2000);
            assertThat(asset.get("height").asInt()).isEqualTo(1500);
            HttpResponse<byte[]> thumbnail = server.client.send(
                    HttpRequest.newBuilder(URI.create(asset.get("thumbnail_url").asText())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
            assertThat(decoded.getWidth()).isEqualTo(320);
            assertThat(decoded.getHeight()).isEqualTo(240);
        }
    }

    private static JsonNode assetOf(RunningMosaic server, JsonNode upload, long messageId) throws Exception {
        JsonNode message = json(server.get("/api/v1/messages/" + messageId, 1));
        for (JsonNode asset : message.path("assets")) {
            if (asset.path("asset_id").asLong() == upload.get("asset_id").asLong()) {
                return asset;
            }
        }
        throw new AssertionError("no such asset in " + message);
    }

    /** libheif's heif-enc (Debian's libheif-examples) makes the HEIC, as a phone would. */
    private byte[] heic(byte[] jpeg) throws Exception {
        Path input = Files.write(scratch.resolve("photo.jpg"), jpeg);
        Path output = scratch.resolve("IMG_0001.HEIC");
        Process process = new ProcessBuilder("heif-enc", "-q", "60", "-p", "preset=ultrafast", input.toString(),
                "-o", output.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("heif-enc failed");
        }
        return Files.readAllBytes(output);
    }
}
