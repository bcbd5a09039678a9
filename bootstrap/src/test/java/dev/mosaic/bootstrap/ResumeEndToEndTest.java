package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.domain.CompletionRules;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that lost everything but the asset ids (a reload, a crash) asks {@code /upload/parts/} what the
 * store holds and finishes: the stored parts are listed with their sizes and ETags, only the missing part
 * is signed, and a direct upload gets a fresh URL. Over real HTTP against the store of {@link #environment()}.
 */
class ResumeEndToEndTest {
    static final long SENDER = 1;
    static final int PART = 5_242_880;

    @TempDir
    Path dataDir;
    RunningMosaic server;
    final byte[] video = Samples.mp4(13_000_000);
    final byte[] pdf = Samples.pdf();

    @BeforeEach
    void start() {
        server = new RunningMosaic(dataDir, environment());
    }

    Map<String, String> environment() {
        return Map.of();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    JsonNode send() {
        HttpResponse<String> created = server.post("/api/v1/files/upload/", SENDER, """
                {"receiver_id": 42, "attachments": [
                  {"file_name": "party.mp4", "file_size": %d, "content_type": "video/mp4", "kind": "video",
                   "client_part_size": %d, "client_num_parts": 3},
                  {"file_name": "itinerary.pdf", "file_size": %d, "content_type": "application/pdf", "kind": "file"}]}"""
                .formatted(video.length, PART, pdf.length));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("uploads");
    }

    String putPart(JsonNode item) {
        int from = (item.get("part_number").asInt() - 1) * PART;
        HttpResponse<String> put = server.send(HttpRequest.newBuilder(URI.create(item.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(
                        Arrays.copyOfRange(video, from, from + item.get("size").asInt()))).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return put.headers().firstValue("ETag").orElseThrow();
    }

    HttpResponse<String> askParts(String body) {
        return server.post("/api/v1/files/upload/parts/", SENDER, body);
    }

    @Test
    void partsOneAndTwoOfThreeStoredAreListedAndOnlyThePartThreeIsSigned() throws Exception {
        JsonNode multipart = send().get(0);
        JsonNode first = multipart.get("batch").get("items");
        String etag1 = putPart(first.get(0));
        String etag2 = putPart(first.get(1));

        HttpResponse<String> answer = askParts("{\"asset_id\": " + multipart.get("asset_id").asLong() + "}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode resumed = json(answer);
        assertThat(resumed.get("mode").asText()).isEqualTo("multipart");
        assertThat(resumed.get("upload_id").asText()).isEqualTo(multipart.get("upload_id").asText());
        JsonNode stored = resumed.get("uploaded_parts");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get("part_number").asInt()).isEqualTo(1);
        assertThat(stored.get(1).get("part_number").asInt()).isEqualTo(2);
        assertThat(stored.get(0).get("size").asLong()).isEqualTo(PART);
        assertThat(stored.get(1).get("size").asLong()).isEqualTo(PART);
        assertThat(CompletionRules.normalizeEtag(stored.get(0).get("etag").asText()))
                .isEqualTo(CompletionRules.normalizeEtag(etag1));
        assertThat(CompletionRules.normalizeEtag(stored.get(1).get("etag").asText()))
                .isEqualTo(CompletionRules.normalizeEtag(etag2));
        JsonNode items = resumed.get("batch").get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("part_number").asInt()).isEqualTo(3);
        assertThat(items.get(0).get("size").asInt()).isEqualTo(video.length - 2 * PART);
        assertThat(resumed.get("batch").has("next_part_number")).isFalse();

        String etag3 = putPart(items.get(0));
        List<String> parts = new ArrayList<>();
        for (JsonNode part : stored) {
            parts.add("{\"ETag\": " + RunningMosaic.JSON.writeValueAsString(part.get("etag").asText())
                    + ", \"PartNumber\": " + part.get("part_number").asInt() + "}");
        }
        parts.add("{\"ETag\": " + RunningMosaic.JSON.writeValueAsString(etag3) + ", \"PartNumber\": 3}");
        HttpResponse<String> completed = server.post("/api/v1/files/upload/complete/", SENDER, """
                {"asset_id": %d, "upload_id": "%s", "parts": [%s]}""".formatted(multipart.get("asset_id").asLong(),
                multipart.get("upload_id").asText(), String.join(", ", parts)));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(json(completed).get("stage").asText()).isEqualTo("processing");

        HttpResponse<String> afterwards = askParts("{\"asset_id\": " + multipart.get("asset_id").asLong() + "}");
        assertThat(afterwards.statusCode()).isEqualTo(409);
        assertThat(json(afterwards).get("code").asText()).isEqualTo("upload_not_active");
    }

    @Test
    void aDirectUploadGetsAFreshPutUrlThatWorks() {
        JsonNode direct = send().get(1);

        HttpResponse<String> answer = askParts("{\"asset_id\": " + direct.get("asset_id").asLong() + "}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode fresh = json(answer);
        assertThat(fresh.get("mode").asText()).isEqualTo("direct");
        assertThat(fresh.get("object_key").asText()).isEqualTo(direct.get("object_key").asText());
        assertThat(fresh.get("expires_at").asText()).isNotBlank();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(fresh.get("put_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf));
        fresh.get("headers").fields().forEachRemaining(header -> {
            if (!header.getKey().equalsIgnoreCase("Content-Length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        HttpResponse<String> stored = server.send(put.build());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        HttpResponse<String> completed = server.post("/api/v1/files/upload/complete/", SENDER,
                "{\"asset_id\": " + direct.get("asset_id").asLong() + "}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    }

    @Test
    void aDirectUploadAskedForPartsIsAClearConflict() {
        JsonNode direct = send().get(1);

        HttpResponse<String> answer = askParts("{\"asset_id\": " + direct.get("asset_id").asLong()
                + ", \"part_numbers\": [1]}");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(answer).get("code").asText()).isEqualTo("not_multipart");
    }
}
