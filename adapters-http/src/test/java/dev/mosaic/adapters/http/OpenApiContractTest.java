package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.application.port.in.RequestRejected;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real answers of the server, checked against the schemas its own OpenAPI document publishes. */
class OpenApiContractTest {

    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api = TestApi.start(stubs, settings -> settings,
            List.of(new HealthCheck("database", () -> true)));
    private final OpenApiSchemas schemas = new OpenApiSchemas(api.send(api.request("/openapi.json").GET().build()).body());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void schemasRejectWhatTheServerMustNotSay() {
        assertThat(schemas.errors("AlbumCreated", "{\"messageId\": 1, \"uploads\": [], \"message\": {}}")).isNotEmpty();
        assertThat(schemas.errors("AssetView", "{\"asset_id\": 1}")).isNotEmpty();
        assertThat(schemas.errors("Problem", "{\"title\": \"x\", \"status\": 400}")).isNotEmpty();
    }

    @Test
    void schemasFollowReferencesIntoNestedViews() {
        ObjectNode album = (ObjectNode) JsonAssert.json(
                api.postJson("/api/v1/files/upload/", 1, UploadRoutesTest.GUIDE_BATCH).body());
        ((ObjectNode) album.path("message").path("assets").get(0)).remove("stage");
        ((ObjectNode) album.path("uploads").get(1).path("batch")).put("nextPartNumber", 3);

        assertThat(schemas.errors("AlbumCreated", album.toString())).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void batchAnswerMatchesAlbumCreated() {
        HttpResponse<String> response = api.postJson("/api/v1/files/upload/", 1, UploadRoutesTest.GUIDE_BATCH);

        assertThat(response.statusCode()).isEqualTo(201);
        schemas.assertValid("AlbumCreated", response.body());
    }

    @Test
    void completionAndAbortAnswersMatchAssetView() {
        schemas.assertValid("AssetView",
                api.postJson("/api/v1/files/upload/complete/", 1, "{\"asset_id\": 501}").body());
        stubs.completeUpload = command -> Views.readyVideo(502);
        schemas.assertValid("AssetView",
                api.postJson("/api/v1/files/upload/complete/", 1, "{\"asset_id\": 502}").body());
        schemas.assertValid("AssetView", api.postJson("/api/v1/files/upload/abort/", 1, "{\"asset_id\": 501}").body());
    }

    @Test
    void partsAnswerMatchesPartsIssued() {
        schemas.assertValid("PartsIssued",
                api.postJson("/api/v1/files/upload/parts/", 1, "{\"asset_id\": 502, \"from_part\": 1}").body());
    }

    @Test
    void aDirectUploadsFreshUrlMatchesPartsIssued() {
        stubs.signParts = command -> Views.directIssued();
        String body = api.postJson("/api/v1/files/upload/parts/", 1, "{\"asset_id\": 501}").body();

        schemas.assertValid("PartsIssued", body);
        assertThat(schemas.errors("PartsIssued", body.replace("\"put_url\"", "\"upload_id\""))).isNotEmpty();
    }

    @Test
    void aMultipartAnswerWithoutItsStoredPartsDoesNotMatch() {
        String body = api.postJson("/api/v1/files/upload/parts/", 1, "{\"asset_id\": 502}").body();

        assertThat(body).contains("\"uploaded_parts\":[{\"part_number\":1,\"size\":5242880,\"etag\":");
        assertThat(schemas.errors("PartsIssued", body.replace("\"uploaded_parts\"", "\"stored_parts\""))).isNotEmpty();
    }

    @Test
    void readsMatchMessageViewAndMessagesPage() {
        schemas.assertValid("MessageView", api.get("/api/v1/messages/105", 1).body());
        schemas.assertValid("MessagesPage", api.get("/api/v1/conversations/42/messages", 1).body());
    }

    @Test
    void limitsMatchUploadLimits() {
        schemas.assertValid("UploadLimits", api.get("/api/v1/limits", 1).body());
        assertThat(schemas.errors("UploadLimits", "{\"max_attachments\": 10}")).isNotEmpty();
    }

    @Test
    void devTokenAnswerMatchesDevToken() {
        try (TestApi development = TestApi.start(new StubUseCases(), settings -> settings.withDevSignIn(true),
                List.of())) {
            HttpResponse<String> answer = development.send(development.request("/api/v1/dev/token")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\": 7}")).build());

            schemas.assertValid("DevToken", answer.body());
        }
    }

    @Test
    void healthMatchesHealth() {
        schemas.assertValid("Health", api.send(api.request("/health").GET().build()).body());
    }

    @Test
    void everyKindOfProblemMatchesProblem() {
        stubs.signParts = command -> {
            throw new RequestRejected(RequestRejected.Reason.UNPROCESSABLE, "part_size_invalid", "too small");
        };
        stubs.abortUpload = command -> {
            throw new IllegalStateException("boom");
        };
        List<HttpResponse<String>> problems = List.of(
                api.send(api.request("/api/v1/messages/105").GET().build()),
                api.postJson("/api/v1/files/upload/", 1, "{\"receiver_id\": \"x\"}"),
                api.postJson("/api/v1/files/upload/", 1, "{"),
                api.postJson("/api/v1/files/upload/", 1, "{\"text\": \"" + "x".repeat(1_100_000) + "\"}"),
                api.postJson("/api/v1/files/upload/parts/", 1, "{\"asset_id\": 1}"),
                api.postJson("/api/v1/files/upload/abort/", 1, "{\"asset_id\": 1}"),
                api.get("/api/v1/unknown", 1),
                api.send(api.authorized("/api/v1/files/upload/", 1).PUT(HttpRequest.BodyPublishers.noBody()).build()));

        assertThat(problems).extracting(HttpResponse::statusCode).containsExactly(401, 400, 400, 413, 422, 500, 404, 405);
        problems.forEach(problem -> schemas.assertValid("Problem", problem.body()));
    }
}
