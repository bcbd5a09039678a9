package dev.mosaic.adapters.http;

import static dev.mosaic.adapters.http.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.UserId;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadRoutesTest {

    static final String GUIDE_BATCH = """
            {
              "receiver_id": 42,
              "text": "Check out the photos from the trip!",
              "attachments": [
                {"file_name": "beach.jpg", "file_size": 3050000, "content_type": "image/jpeg", "kind": "image"},
                {"file_name": "party.mp4", "file_size": 15000000, "content_type": "video/mp4", "kind": "video",
                 "client_part_size": 5242880, "client_num_parts": 3, "width": 1920, "height": 1080,
                 "duration": 12.5, "placeholder": "LEHV6nWB2yk8", "some_future_field": {"x": 1}}
              ]
            }""";

    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api = TestApi.start(stubs);

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/files/upload/", "/api/v1/files/upload"})
    void batchRequestAnswers201WithOneInstructionPerAttachmentInSnakeCase(String path) {
        HttpResponse<String> response = api.postJson(path, 1, GUIDE_BATCH);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json(response.body());
        assertThat(body.path("message_id").asLong()).isEqualTo(105);
        JsonNode direct = body.path("uploads").get(0);
        assertThat(direct.path("asset_id").asLong()).isEqualTo(501);
        assertThat(direct.path("object_key").asText()).isEqualTo("raw/1/501/beach.jpg");
        assertThat(direct.path("mode").asText()).isEqualTo("direct");
        assertThat(direct.path("put_url").asText()).isEqualTo("https://s3.test/put");
        assertThat(direct.path("headers").path("Content-Type").asText()).isEqualTo("image/jpeg");
        assertThat(direct.has("upload_id")).as("nulls are left out").isFalse();
        assertThat(direct.has("batch")).isFalse();
        JsonNode multipart = body.path("uploads").get(1);
        assertThat(multipart.path("upload_id").asText()).isEqualTo("upload_xyz_123");
        assertThat(multipart.path("part_size").asLong()).isEqualTo(5_242_880);
        assertThat(multipart.path("batch").path("items").get(0).path("part_number").asInt()).isEqualTo(1);
        assertThat(multipart.path("batch").path("next_part_number").asInt()).isEqualTo(3);
        assertThat(body.path("message").path("assets").get(0).path("file_name").asText()).isEqualTo("beach.jpg");
        assertThat(body.path("message").path("assets").get(0).has("thumbnail_url")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 60_000, JsonBody.EXACT_READ_BYTES, JsonBody.EXACT_READ_BYTES + 1, 100_000})
    void aBodyOfAnyLengthWithOrWithoutContentLengthIsReadWhole(int length) {
        String unpadded = GUIDE_BATCH.replaceFirst("\\{", "{\"padding\": \"\",");
        int padding = length == 0 ? 0 : length - unpadded.getBytes(StandardCharsets.UTF_8).length;
        String padded = GUIDE_BATCH.replaceFirst("\\{", "{\"padding\": \"" + "x".repeat(padding) + "\",");
        byte[] body = padded.getBytes(StandardCharsets.UTF_8);
        // many of Jetty's reads (8 KiB each at most) for all but the first: one read would cut the JSON short, a 400
        assertThat(body).hasSize(length == 0 ? unpadded.getBytes(StandardCharsets.UTF_8).length : length);
        HttpRequest.BodyPublisher unknownLength = HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body));
        HttpRequest.BodyPublisher knownLength = HttpRequest.BodyPublishers.ofByteArray(body);

        for (HttpRequest.BodyPublisher publisher : List.of(unknownLength, knownLength)) {
            stubs.lastSend.set(null);
            HttpResponse<String> response = api.send(api.authorized("/api/v1/files/upload/", 7)
                    .header("Content-Type", "application/json").POST(publisher).build());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(stubs.lastSend.get().text()).isEqualTo("Check out the photos from the trip!");
            assertThat(stubs.lastSend.get().attachments()).hasSize(2);
        }
    }

    @Test
    void batchRequestBecomesTheCommandTheClientMeant() {
        api.send(api.authorized("/api/v1/files/upload/", 7).header("Idempotency-Key", "k-123")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GUIDE_BATCH)).build());

        SendAlbumCommand command = stubs.lastSend.get();
        assertThat(command.sender()).isEqualTo(UserId.of(7));
        assertThat(command.receiverId()).isEqualTo(42L);
        assertThat(command.text()).isEqualTo("Check out the photos from the trip!");
        assertThat(command.idempotencyKey()).isEqualTo("k-123");
        assertThat(command.attachments()).containsExactly(
                SendAlbumCommand.Attachment.of("beach.jpg", 3_050_000, "image/jpeg", "image"),
                SendAlbumCommand.Attachment.of("party.mp4", 15_000_000, "video/mp4", "video")
                        .withParts(5_242_880L, 3L).withHints(1920, 1080, 12.5, "LEHV6nWB2yk8"));
    }

    @Test
    void batchRequestWithoutIdempotencyKeyPassesNone() {
        api.postJson("/api/v1/files/upload/", 7, GUIDE_BATCH);

        assertThat(stubs.lastSend.get().idempotencyKey()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/files/upload/complete/", "/api/v1/files/upload/complete"})
    void completionAcceptsTheGuidesCapitalisedParts(String path) {
        HttpResponse<String> response = api.postJson(path, 1, """
                {"object_key": "raw/1/502/party.mp4", "upload_id": "upload_xyz_123",
                 "parts": [{"ETag": "\\"abc\\"", "PartNumber": 1}, {"ETag": "\\"def\\"", "PartNumber": 2}]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response.body()).path("asset_id").asLong()).isEqualTo(501);
        assertThat(stubs.lastComplete.get().asset()).isEqualTo(new AssetReference(null, "raw/1/502/party.mp4"));
        assertThat(stubs.lastComplete.get().uploadId()).isEqualTo("upload_xyz_123");
        assertThat(stubs.lastComplete.get().parts())
                .containsExactly(new CompletedPart(1, "\"abc\""), new CompletedPart(2, "\"def\""));
        assertThat(stubs.lastComplete.get().user()).isEqualTo(UserId.of(1));
    }

    @Test
    void completionAcceptsSnakeCasePartsAndAssetId() {
        api.postJson("/api/v1/files/upload/complete/", 1, """
                {"asset_id": 502, "parts": [{"etag": "e1", "part_number": 1}]}""");

        assertThat(stubs.lastComplete.get().asset()).isEqualTo(new AssetReference(502L, null));
        assertThat(stubs.lastComplete.get().parts()).containsExactly(new CompletedPart(1, "e1"));
    }

    @Test
    void directCompletionHasNoParts() {
        api.postJson("/api/v1/files/upload/complete/", 1, "{\"object_key\": \"raw/1/501/beach.jpg\"}");

        assertThat(stubs.lastComplete.get().parts()).isNull();
        assertThat(stubs.lastComplete.get().uploadId()).isNull();
    }

    @Test
    void completionWithoutAnyAssetNameIsRefused() {
        JsonAssert.problem(api.postJson("/api/v1/files/upload/complete/", 1, "{}"), 400, "asset_reference_missing");
        assertThat(stubs.lastComplete.get()).isNull();
    }

    @Test
    void partWithoutEtagIsRefused() {
        HttpResponse<String> response = api.postJson("/api/v1/files/upload/complete/", 1,
                "{\"asset_id\": 502, \"parts\": [{\"PartNumber\": 1}]}");

        JsonNode problem = JsonAssert.problem(response, 400, "part_invalid");
        assertThat(problem.path("detail").asText()).contains("parts[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/files/upload/parts/", "/api/v1/files/upload/parts"})
    void partsEndpointIssuesABatch(String path) {
        HttpResponse<String> response = api.postJson(path, 3, """
                {"asset_id": 502, "upload_id": "upload_xyz_123", "part_numbers": [4, 5]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.path("upload_id").asText()).isEqualTo("upload_xyz_123");
        assertThat(body.path("batch").path("items")).hasSize(2);
        assertThat(stubs.lastSign.get().partNumbers()).containsExactly(4, 5);
        assertThat(stubs.lastSign.get().fromPart()).isNull();
        assertThat(stubs.lastSign.get().user()).isEqualTo(UserId.of(3));
    }

    @Test
    void partsEndpointPassesFromPart() {
        api.postJson("/api/v1/files/upload/parts/", 3, "{\"object_key\": \"raw/3/502/a.mp4\", \"from_part\": 11}");

        assertThat(stubs.lastSign.get().fromPart()).isEqualTo(11);
        assertThat(stubs.lastSign.get().partNumbers()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/files/upload/abort/", "/api/v1/files/upload/abort"})
    void abortAnswersTheAsset(String path) {
        HttpResponse<String> response = api.postJson(path, 5, "{\"asset_id\": 501}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response.body()).path("stage").asText()).isEqualTo("uploading");
        assertThat(stubs.lastAbort.get().asset()).isEqualTo(new AssetReference(501L, null));
        assertThat(stubs.lastAbort.get().user()).isEqualTo(UserId.of(5));
    }

    @Test
    void partNumbersMustBeIntegers() {
        JsonAssert.problem(api.postJson("/api/v1/files/upload/parts/", 3,
                "{\"asset_id\": 502, \"part_numbers\": [1, null]}"), 400, "part_numbers_invalid");
        assertThat(List.of(stubs.lastSign)).allSatisfy(last -> assertThat(last.get()).isNull());
    }
}
