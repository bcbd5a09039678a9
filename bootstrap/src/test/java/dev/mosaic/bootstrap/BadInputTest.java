package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and careless requests against a running Mosaic: each gets the right 4xx
 * problem+json with a stable code, and none leaves a row, an event or an object behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    static final long SENDER = 1;
    static final String BATCH = "/api/v1/files/upload/";
    static final String COMPLETE = "/api/v1/files/upload/complete/";

    @TempDir
    static Path dataDir;
    RunningMosaic server;
    JsonNode album;
    long eventsBefore;
    long objectsBefore;

    @BeforeAll
    void startWithOneAlbum() throws Exception {
        server = new RunningMosaic(dataDir);
        album = json(server.post(BATCH, SENDER, """
                {"receiver_id": 42, "text": "", "attachments": [
                  {"file_name": "a.jpg", "file_size": 1000, "content_type": "image/jpeg", "kind": "image"},
                  {"file_name": "v.mp4", "file_size": 15000000, "content_type": "video/mp4", "kind": "video",
                   "client_part_size": 5242880, "client_num_parts": 3}]}"""));
        JsonNode video = album.get("uploads").get(1);
        byte[] bytes = Samples.mp4(15_000_000);
        int offset = 0;
        for (JsonNode item : video.get("batch").get("items")) {
            int size = item.get("size").asInt();
            server.send(HttpRequest.newBuilder(URI.create(item.get("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, offset, size)).build());
            offset += size;
        }
        eventsBefore = lastSequence();
        objectsBefore = countFiles();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static String attachment(String fields) {
        return "{\"receiver_id\": 42, \"attachments\": [{" + fields + "}]}";
    }

    static final String PHOTO = "\"file_name\": \"a.jpg\", \"file_size\": 1000, \"content_type\": \"image/jpeg\", \"kind\": \"image\"";

    Stream<Arguments> badRequests() {
        String imageKey = album.get("uploads").get(0).get("object_key").asText();
        long imageId = album.get("uploads").get(0).get("asset_id").asLong();
        String videoKey = album.get("uploads").get(1).get("object_key").asText();
        String uploadId = album.get("uploads").get(1).get("upload_id").asText();
        String video = "\"object_key\": \"" + videoKey + "\", \"upload_id\": \"" + uploadId + "\", ";
        String eleven = String.join(",", java.util.Collections.nCopies(11, "{" + PHOTO + "}"));
        return Stream.of(
                bad("missing receiver", BATCH, "{\"attachments\": [{" + PHOTO + "}]}", 400, "receiver_id_missing"),
                bad("receiver as text", BATCH, "{\"receiver_id\": \"bob\", \"attachments\": [{" + PHOTO + "}]}", 400, "field_invalid"),
                bad("negative receiver", BATCH, "{\"receiver_id\": -4, \"attachments\": [{" + PHOTO + "}]}", 400, "receiver_id_invalid"),
                bad("receiver nobody can sign in as", BATCH, "{\"receiver_id\": 1000000000000000000, \"attachments\": [{" + PHOTO + "}]}", 400, "receiver_id_invalid"),
                bad("missing attachments", BATCH, "{\"receiver_id\": 42}", 400, "attachments_missing"),
                bad("empty attachments", BATCH, "{\"receiver_id\": 42, \"attachments\": []}", 400, "attachments_missing"),
                bad("attachments not a list", BATCH, "{\"receiver_id\": 42, \"attachments\": {\"a\": 1}}", 400, "field_invalid"),
                bad("eleven attachments", BATCH, "{\"receiver_id\": 42, \"attachments\": [" + eleven + "]}", 422, "too_many_attachments"),
                bad("missing file name", BATCH, attachment("\"file_size\": 1, \"content_type\": \"image/jpeg\", \"kind\": \"image\""), 400, "file_name_missing"),
                bad("negative size", BATCH, attachment("\"file_name\": \"a\", \"file_size\": -1, \"content_type\": \"image/jpeg\", \"kind\": \"image\""), 422, "file_size_invalid"),
                bad("zero size", BATCH, attachment("\"file_name\": \"a\", \"file_size\": 0, \"content_type\": \"image/jpeg\", \"kind\": \"image\""), 422, "file_size_invalid"),
                bad("huge size", BATCH, attachment("\"file_name\": \"a\", \"file_size\": 1000000000000000, \"content_type\": \"image/jpeg\", \"kind\": \"image\""), 422, "file_too_large"),
                bad("size as text", BATCH, attachment("\"file_name\": \"a\", \"file_size\": \"big\", \"content_type\": \"image/jpeg\", \"kind\": \"image\""), 400, "field_invalid"),
                bad("bad content type", BATCH, attachment("\"file_name\": \"a\", \"file_size\": 1, \"content_type\": \"jpeg please\", \"kind\": \"image\""), 422, "content_type_invalid"),
                bad("kind mismatch", BATCH, attachment("\"file_name\": \"a\", \"file_size\": 1, \"content_type\": \"video/mp4\", \"kind\": \"image\""), 422, "content_type_kind_mismatch"),
                bad("svg as image", BATCH, attachment("\"file_name\": \"a.svg\", \"file_size\": 1, \"content_type\": \"image/svg+xml\", \"kind\": \"image\""), 422, "content_type_kind_mismatch"),
                bad("unknown kind", BATCH, attachment("\"file_name\": \"a\", \"file_size\": 1, \"content_type\": \"image/png\", \"kind\": \"sticker\""), 400, "kind_invalid"),
                bad("part too small", BATCH, attachment("\"file_name\": \"v\", \"file_size\": 15000000, \"content_type\": \"video/mp4\", \"kind\": \"video\", \"client_part_size\": 1024"), 422, "part_size_out_of_range"),
                bad("parts inconsistent", BATCH, attachment("\"file_name\": \"v\", \"file_size\": 15000000, \"content_type\": \"video/mp4\", \"kind\": \"video\", \"client_part_size\": 5242880, \"client_num_parts\": 5"), 422, "part_proposal_inconsistent"),
                bad("too many parts", BATCH, attachment("\"file_name\": \"v\", \"file_size\": 15000000, \"content_type\": \"video/mp4\", \"kind\": \"video\", \"client_num_parts\": 20000"), 422, "part_count_out_of_range"),
                bad("long placeholder", BATCH, attachment(PHOTO + ", \"placeholder\": \"" + "x".repeat(200) + "\""), 422, "placeholder_invalid"),
                bad("not JSON", BATCH, "receiver_id=42", 400, "body_malformed"),
                bad("ten megabytes", BATCH, "{\"text\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}", 413, "body_too_large"),
                bad("deep nesting", BATCH, "[".repeat(5000) + "]".repeat(5000), 400, "body_malformed"),
                bad("no asset named", COMPLETE, "{}", 400, "asset_reference_missing"),
                bad("unknown asset id", COMPLETE, "{\"asset_id\": 999999}", 404, "asset_not_found"),
                bad("someone else's asset", COMPLETE, "{\"asset_id\": " + imageId + "}", 404, "asset_not_found", 7),
                bad("made-up object key", COMPLETE, "{\"object_key\": \"raw/1/9/../../etc/passwd\"}", 404, "asset_not_found"),
                bad("direct not yet uploaded", COMPLETE, "{\"object_key\": \"" + imageKey + "\"}", 409, "object_not_uploaded"),
                bad("wrong upload id", COMPLETE, "{\"object_key\": \"" + videoKey + "\", \"upload_id\": \"nope\", \"parts\": []}", 422, "upload_id_mismatch"),
                bad("missing parts", COMPLETE, "{" + video + "\"parts\": []}", 422, "parts_missing"),
                bad("unordered parts", COMPLETE, "{" + video + "\"parts\": [{\"ETag\": \"a\", \"PartNumber\": 2}, {\"ETag\": \"b\", \"PartNumber\": 1}, {\"ETag\": \"c\", \"PartNumber\": 3}]}", 422, "parts_not_ascending"),
                bad("extra part", COMPLETE, "{" + video + "\"parts\": [{\"ETag\": \"a\", \"PartNumber\": 1}, {\"ETag\": \"b\", \"PartNumber\": 2}, {\"ETag\": \"c\", \"PartNumber\": 3}, {\"ETag\": \"d\", \"PartNumber\": 4}]}", 422, "part_number_out_of_range"),
                bad("part list short", COMPLETE, "{" + video + "\"parts\": [{\"ETag\": \"a\", \"PartNumber\": 1}]}", 422, "parts_incomplete"),
                bad("wrong etags", COMPLETE, "{" + video + "\"parts\": [{\"ETag\": \"a\", \"PartNumber\": 1}, {\"ETag\": \"b\", \"PartNumber\": 2}, {\"ETag\": \"c\", \"PartNumber\": 3}]}", 422, "etag_mismatch"),
                bad("empty etag", COMPLETE, "{" + video + "\"parts\": [{\"ETag\": \"\", \"PartNumber\": 1}, {\"ETag\": \"b\", \"PartNumber\": 2}, {\"ETag\": \"c\", \"PartNumber\": 3}]}", 422, "etag_missing"));
    }

    static Arguments bad(String name, String path, String body, int status, String code) {
        return bad(name, path, body, status, code, SENDER);
    }

    static Arguments bad(String name, String path, String body, int status, String code, long user) {
        return Arguments.of(name, path, body, status, code, user);
    }

    @ParameterizedTest(name = "{0} → {3} {4}")
    @MethodSource("badRequests")
    void badInputGetsAClearProblemAndLeavesNothingBehind(String name, String path, String body, int status,
                                                          String code, long user) throws IOException {
        HttpResponse<String> response = server.post(path, user, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(lastSequence()).as("no event was logged").isEqualTo(eventsBefore);
        assertThat(countFiles()).as("no object was left").isEqualTo(objectsBefore);
        assertThat(json(server.get("/api/v1/conversations/42/messages", SENDER)).get("messages"))
                .as("no message was made").hasSize(1);
    }

    /** The sender's newest event number, as a socket's {@code ready} frame tells it. */
    long lastSequence() {
        try (SocketClient socket = SocketClient.withHeader(server.socketUrl(), RunningMosaic.token(SENDER))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> socket.types().contains("ready"));
            return socket.frames.get(0).get("last_seq").asLong();
        }
    }

    long countFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("objects"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
