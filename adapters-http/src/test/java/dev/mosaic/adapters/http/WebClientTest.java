package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebClientTest {

    private final TestApi api = TestApi.start(new StubUseCases());

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> get(String path) {
        return api.send(api.request(path).GET().build());
    }

    @Test
    void theDemoPageIsServedAtTheRootWithoutAToken() {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>",
                "data-testid=\"file-input\"");
        assertThat(get("/index.html").body()).isEqualTo(page.body());
    }

    @ParameterizedTest
    @CsvSource({
            "/mosaic-client.js, text/javascript, export function createMosaicClient",
            "/app.js, text/javascript, mosaicDemo",
            "/mosaic/reducer.js, text/javascript, export function reduce",
            "/app/cells.js, text/javascript, export function paintCell",
            "/app.css, text/css, .cell"})
    void everyFileOfTheClientIsServedWithItsType(String path, String type, String excerpt) {
        HttpResponse<String> file = get(path);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(
                actual -> assertThat(actual).startsWith(type));
        assertThat(file.body()).contains(excerpt);
    }

    @Test
    void staticFilesAreNotSniffedAreRevalidatedAndRunUnderAPolicy() {
        HttpResponse<String> page = get("/");

        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "script-src 'self'", "img-src * data: blob:", "media-src * blob:",
                        "connect-src *", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(get("/mosaic-client.js").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void anUnchangedFileIsAnsweredNotModified() {
        String etag = get("/mosaic-client.js").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = api.send(api.request("/mosaic-client.js").header("If-None-Match", etag).GET()
                .build());

        assertThat(again.statusCode()).isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope.js", "/mosaic/nope.js", "/app/", "/dev/mosaic/adapters/http/openapi.json",
            "/logback-test.xml"})
    void whatIsNotAFileOfTheClientIsNotFound(String path) {
        JsonAssert.problem(get(path), 404, "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%2e%2e/dev/mosaic/adapters/http/openapi.json", "/..%2fdev/mosaic/adapters/http/openapi.json",
            "/app/..%2f..%2flogback-test.xml", "/%2e%2e%2f%2e%2e%2fetc/passwd"})
    void aPathThatClimbsOutOfTheClientFolderServesNothing(String path) {
        HttpResponse<String> answer = get(path);

        assertThat(answer.statusCode()).isIn(400, 404);
        assertThat(answer.body()).doesNotContain("\"openapi\": \"3.1.0\"", "<configuration", "root:x:");
    }

    @Test
    void theApiStillNeedsItsToken() {
        JsonAssert.problem(get("/api/v1/messages/105"), 401, "unauthenticated");
        assertThat(api.get("/api/v1/messages/105", 1).statusCode()).isEqualTo(200);
    }
}
