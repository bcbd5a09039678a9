package dev.mosaic.adapters.http;

import static dev.mosaic.adapters.http.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.application.port.in.ReplaceAssetCommand;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.domain.UserId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/v1/files/upload/replace/}: one cell of an album gets another file. */
class ReplaceRoutesTest {

    static final String RETRY = """
            {"asset_id": 503, "file_name": "itinerary.pdf", "file_size": 102400, "content_type": "application/pdf",
             "kind": "file", "caption": "the real one", "alt_text": "our itinerary"}""";

    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api = TestApi.start(stubs, settings -> settings,
            List.of(new HealthCheck("database", () -> true)));

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/files/upload/replace/", "/api/v1/files/upload/replace"})
    void aReplaceAnswersTheNewUploadInstructionInTheBatchAnswersShape(String path) {
        HttpResponse<String> response = api.postJson(path, 1, RETRY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("""
                {"asset_id":503,"object_key":"raw/1/503/_r1-itinerary.pdf","file_name":"itinerary.pdf",\
                "kind":"file","mode":"direct","expires_at":"2025-01-01T11:00:00Z","put_url":"https://s3.test/put2",\
                "headers":{"Content-Type":"application/pdf"}}""");
        new OpenApiSchemas(api.send(api.request("/openapi.json").GET().build()).body())
                .assertValid("UploadInstruction", response.body());
    }

    @Test
    void theBodyBecomesTheCommandTheClientMeant() {
        api.send(api.authorized("/api/v1/files/upload/replace/", 7).header("Idempotency-Key", "r-1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"object_key": "raw/7/503/fake.pdf", "file_name": "party.mp4", "file_size": 15000000,
                         "content_type": "video/mp4", "kind": "video", "client_part_size": 5242880,
                         "client_num_parts": 3, "width": 1920, "height": 1080, "duration": 12.5,
                         "placeholder": "LEHV", "caption": "c", "alt_text": "a"}""")).build());

        ReplaceAssetCommand command = stubs.lastReplace.get();
        assertThat(command.sender()).isEqualTo(UserId.of(7));
        assertThat(command.idempotencyKey()).isEqualTo("r-1");
        assertThat(command.asset().assetId()).isNull();
        assertThat(command.asset().objectKey()).isEqualTo("raw/7/503/fake.pdf");
        assertThat(command.file().fileName()).isEqualTo("party.mp4");
        assertThat(command.file().fileSize()).isEqualTo(15_000_000L);
        assertThat(command.file().clientNumParts()).isEqualTo(3L);
        assertThat(command.file().duration()).isEqualTo(12.5);
        assertThat(command.file().caption()).isEqualTo("c");
        assertThat(command.file().altText()).isEqualTo("a");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                          | 400 | asset_reference_missing",
            "{\"asset_id\": \"503\"}                     | 400 | field_invalid",
            "[1]                                         | 400 | body_malformed",
            "{\"asset_id\": 503, \"caption\": 5}          | 400 | field_invalid"})
    void badBodiesAreClearProblems(String body, int status, String code) {
        HttpResponse<String> response = api.postJson("/api/v1/files/upload/replace/", 1, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response.body()).path("code").asText()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"NOT_FOUND, asset_not_found, 404", "CONFLICT, asset_uploading, 409",
            "CONFLICT, asset_processing, 409", "UNPROCESSABLE, caption_too_long, 422"})
    void refusalsKeepTheirCode(RequestRejected.Reason reason, String code, int status) {
        stubs.replaceAsset = command -> {
            throw new RequestRejected(reason, code, "refused");
        };

        HttpResponse<String> response = api.postJson("/api/v1/files/upload/replace/", 1, RETRY);

        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode problem = json(response.body());
        assertThat(problem.path("code").asText()).isEqualTo(code);
    }

    @Test
    void withoutATokenNothingIsReplaced() {
        HttpResponse<String> response = api.send(api.request("/api/v1/files/upload/replace/")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(RETRY)).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(stubs.lastReplace.get()).isNull();
    }
}
