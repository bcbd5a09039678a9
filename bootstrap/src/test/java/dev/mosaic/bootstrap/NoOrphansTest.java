package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PUT that lands after its upload is over: on S3 it cannot be refused (a presigned URL is not revocable), so the
 * janitor's sweep deletes it once no upload URL can write any more; the local store refuses it and writes nothing.
 */
class NoOrphansTest {
    /** Upload URLs live 45 s (a loaded machine must still PUT in time), the janitor waits 1 s more, looks twice a second. */
    static final Map<String, String> QUICK_JANITOR = Map.of("MOSAIC_UPLOAD_URL_TTL", "PT45S",
            "MOSAIC_JANITOR_GRACE", "PT1S", "MOSAIC_JANITOR_EVERY", "PT0.5S");
    static final byte[] PDF = Arrays.copyOf("%PDF-1.7\nlate".getBytes(StandardCharsets.US_ASCII), 2000);

    @TempDir
    Path dataDir;

    /** The environment of a node storing in {@code bucket}, with a quick janitor. */
    private static Map<String, String> quickJanitorOn(S3Bucket bucket) {
        Map<String, String> env = new HashMap<>(QUICK_JANITOR);
        env.putAll(bucket.environment());
        return env;
    }

    @Test
    void aPutToTheOldUrlOfARetriedCellIsSweptFromS3WhileTheNewFileIsStillUploading() throws Exception {
        try (S3Bucket bucket = S3Bucket.start("orphans");
                RunningMosaic server = new RunningMosaic(dataDir, quickJanitorOn(bucket))) {
            JsonNode old = createPdf(server);
            cancel(server, old);
            HttpResponse<String> replaced = server.post("/api/v1/files/upload/replace/", 1, """
                    {"asset_id": %d, "file_name": "again.pdf", "file_size": 2000, "content_type": "application/pdf",
                     "kind": "file"}""".formatted(old.get("asset_id").asLong()));
            assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
            JsonNode again = json(replaced);

            HttpResponse<String> late = put(server, old);
            assertThat(late.statusCode()).as("S3 cannot refuse a presigned PUT").isEqualTo(200);
            assertThat(put(server, again).statusCode()).isEqualTo(200);
            assertThat(bucket.keys()).contains(old.get("object_key").asText(), again.get("object_key").asText());

            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .until(() -> bucket.keys().equals(List.of(again.get("object_key").asText())));
        }
    }

    @Test
    void aPutAfterTheUploadWasCancelledIsSweptFromS3() throws Exception {
        try (S3Bucket bucket = S3Bucket.start("orphans");
                RunningMosaic server = new RunningMosaic(dataDir, quickJanitorOn(bucket))) {
            JsonNode upload = createPdf(server);
            cancel(server, upload);

            HttpResponse<String> late = put(server, upload);
            assertThat(late.statusCode()).as("S3 cannot refuse a presigned PUT").isEqualTo(200);
            assertThat(bucket.keys()).contains(upload.get("object_key").asText());

            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .until(() -> bucket.keys().isEmpty());
        }
    }

    @Test
    void theLocalStoreRefusesAPutAfterTheUploadWasCancelledOrSealedAndWritesNothing() throws Exception {
        try (RunningMosaic server = new RunningMosaic(dataDir)) {
            JsonNode cancelled = createPdf(server);
            cancel(server, cancelled);

            HttpResponse<String> late = put(server, cancelled);

            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(late.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(late).get("code").asText()).isEqualTo("upload_not_active");
            assertThat(filesOf(cancelled)).isEmpty();

            JsonNode sealed = createPdf(server);
            assertThat(put(server, sealed).statusCode()).isEqualTo(200);
            assertThat(server.post("/api/v1/files/upload/complete/", 1,
                    "{\"asset_id\": " + sealed.get("asset_id").asLong() + "}").statusCode()).isEqualTo(200);

            HttpResponse<String> again = put(server, sealed);

            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(json(again).get("code").asText()).isEqualTo("upload_not_active");
            assertThat(filesOf(sealed)).noneMatch(file -> file.startsWith("raw"));
        }
    }

    private static JsonNode createPdf(RunningMosaic server) {
        JsonNode created = json(server.post("/api/v1/files/upload/", 1, """
                {"receiver_id": 42, "attachments": [{"file_name": "late.pdf", "file_size": 2000,
                  "content_type": "application/pdf", "kind": "file"}]}"""));
        return created.get("uploads").get(0);
    }

    private static void cancel(RunningMosaic server, JsonNode upload) {
        assertThat(server.post("/api/v1/files/upload/abort/", 1,
                "{\"asset_id\": " + upload.get("asset_id").asLong() + "}").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> put(RunningMosaic server, JsonNode upload) {
        return server.send(HttpRequest.newBuilder(URI.create(upload.get("put_url").asText()))
                .header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PDF)).build());
    }

    /** Every file of this asset in the local store, as paths relative to the objects folder. */
    private List<String> filesOf(JsonNode upload) {
        Path objects = dataDir.resolve("objects");
        String asset = "/" + upload.get("asset_id").asLong() + "/";
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).map(file -> objects.relativize(file).toString())
                    .filter(name -> name.contains(asset)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
