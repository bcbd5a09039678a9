package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.application.port.in.RequestRejected;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemTest {

    private static final String UPLOAD = "/api/v1/files/upload/";

    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api = TestApi.start(stubs);

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"receiver_id\": 42,,}", "not json", "{\"receiver_id\": 42} trailing"})
    void malformedJsonIsABadRequest(String body) {
        JsonAssert.problem(api.postJson(UPLOAD, 1, body), 400, "body_malformed");
        assertThat(stubs.lastSend.get()).isNull();
    }

    @Test
    void emptyBodyIsMissing() {
        JsonAssert.problem(api.postJson(UPLOAD, 1, ""), 400, "body_missing");
    }

    @Test
    void bodyThatIsNotAnObjectIsMalformed() {
        JsonAssert.problem(api.postJson(UPLOAD, 1, "[1, 2]"), 400, "body_malformed");
        JsonAssert.problem(api.postJson(UPLOAD, 1, "\"text\""), 400, "body_malformed");
        JsonAssert.problem(api.postJson(UPLOAD, 1, "null"), 400, "body_malformed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"receiver_id\": \"42\", \"attachments\": []}|receiver_id",
        "{\"receiver_id\": 4.2, \"attachments\": []}|receiver_id",
        "{\"receiver_id\": true, \"attachments\": []}|receiver_id",
        "{\"receiver_id\": 42, \"text\": 5, \"attachments\": []}|text",
        "{\"receiver_id\": 42, \"attachments\": {}}|attachments",
        "{\"receiver_id\": 42, \"attachments\": [{\"file_name\": \"a\", \"file_size\": \"big\"}]}|attachments[0].file_size",
        "{\"receiver_id\": 42, \"attachments\": [{\"file_name\": \"a\", \"duration\": \"long\"}]}|attachments[0].duration",
        "{\"receiver_id\": 42, \"attachments\": [5]}|attachments[0]",
    })
    void wrongJsonTypeNamesTheField(String body, String field) {
        JsonNode problem = JsonAssert.problem(api.postJson(UPLOAD, 1, body), 400, "field_invalid");

        assertThat(problem.path("detail").asText()).startsWith(field + " must be");
        assertThat(stubs.lastSend.get()).isNull();
    }

    @Test
    void commandRefusalsKeepTheirCodes() {
        JsonAssert.problem(api.postJson(UPLOAD, 1, "{\"attachments\": []}"), 400, "receiver_id_missing");
        JsonAssert.problem(api.postJson(UPLOAD, 1, "{\"receiver_id\": 42, \"attachments\": []}"), 400,
                "attachments_missing");
    }

    @Test
    void twoMebibyteBodyIsTooLarge() {
        String body = "{\"text\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        JsonAssert.problem(api.postJson(UPLOAD, 1, body), 413, "body_too_large");
        assertThat(stubs.lastSend.get()).isNull();
    }

    @Test
    void largeBodyWithoutContentLengthIsCutOffToo() {
        byte[] body = ("{\"text\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();
        HttpRequest chunked = api.authorized(UPLOAD, 1).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        JsonAssert.problem(api.send(chunked), 413, "body_too_large");
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() {
        String body = "{\"receiver_id\": 42, \"extra\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        JsonAssert.problem(api.postJson(UPLOAD, 1, body), 400, "body_malformed");
    }

    @Test
    void deepNestingOfBareArraysIsRefused() {
        JsonAssert.problem(api.postJson(UPLOAD, 1, "[".repeat(10_000)), 400, "body_malformed");
    }

    @ParameterizedTest
    @CsvSource({"INVALID,400", "UNPROCESSABLE,422", "NOT_FOUND,404", "CONFLICT,409", "FORBIDDEN,403", "TOO_LARGE,413"})
    void refusalReasonDecidesTheStatus(RequestRejected.Reason reason, int status) {
        stubs.sendAlbum = command -> {
            throw new RequestRejected(reason, "some_refusal", "because of " + reason);
        };

        JsonNode problem = JsonAssert.problem(api.postJson(UPLOAD, 1, UploadRoutesTest.GUIDE_BATCH), status,
                "some_refusal");
        assertThat(problem.path("detail").asText()).isEqualTo("because of " + reason);
    }

    @Test
    void unexpectedFailureIsAnInternalProblemWithoutItsSecrets() {
        AtomicBoolean called = new AtomicBoolean();
        stubs.sendAlbum = command -> {
            called.set(true);
            throw new IllegalStateException("database password is hunter2");
        };

        HttpResponse<String> response = api.postJson(UPLOAD, 1, UploadRoutesTest.GUIDE_BATCH);

        JsonAssert.problem(response, 500, "internal");
        assertThat(called).isTrue();
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException")
                .doesNotContain("at dev.mosaic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/api/v1/nope", "/api/v1/files/upload/nope/", "/storage/raw/1/x"})
    void unknownRouteIsNotFound(String path) {
        JsonAssert.problem(api.get(path, 1), 404, "not_found");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        HttpResponse<String> response = api.get(UPLOAD, 1);

        JsonAssert.problem(response, 405, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
                allowed -> assertThat(allowed).contains("POST"));
    }

    @Test
    void deleteOnAMessageIsNotAllowed() {
        HttpResponse<String> response = api.send(api.authorized("/api/v1/messages/105", 1).DELETE().build());

        JsonAssert.problem(response, 405, "method_not_allowed");
    }
}
