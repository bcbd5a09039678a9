package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CorsTest {

    private TestApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void preflightOfTheBatchRequestAllowsItsHeaders() {
        api = start(List.of("https://chat.test", "http://localhost:5173"));

        HttpResponse<String> response = preflight("/api/v1/files/upload/", "https://chat.test", "POST");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://chat.test");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("GET", "POST", "PUT", "OPTIONS"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers).contains("Authorization", "Content-Type", "Idempotency-Key"));
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).isPresent();
        assertThat(response.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void preflightNeedsNoToken() {
        api = start(List.of("https://chat.test"));

        assertThat(preflight("/api/v1/messages/105", "https://chat.test", "GET").statusCode()).isEqualTo(204);
    }

    @Test
    void actualResponsesExposeEtagToTheAllowedOrigin() {
        api = start(List.of("https://chat.test"));

        HttpResponse<String> response = api.send(api.authorized("/api/v1/messages/105", 1)
                .header("Origin", "https://chat.test").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://chat.test");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("ETag");
    }

    @Test
    void problemsCarryCorsHeadersSoBrowsersCanReadThem() {
        api = start(List.of("https://chat.test"));

        HttpResponse<String> response = api.send(api.request("/api/v1/messages/105")
                .header("Origin", "https://chat.test").GET().build());

        JsonAssert.problem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://chat.test");
    }

    @Test
    void unknownOriginGetsNoCorsHeaders() {
        api = start(List.of("https://chat.test"));

        HttpResponse<String> response = preflight("/api/v1/files/upload/", "https://evil.test", "POST");

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.statusCode()).isNotEqualTo(204);
    }

    @Test
    void wildcardAllowsAnyOriginForDevelopment() {
        api = start(List.of("*"));

        HttpResponse<String> response = preflight("/api/v1/files/upload/", "http://anything.test:3000", "POST");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void noOriginsConfiguredMeansNoCors() {
        api = start(List.of());

        HttpResponse<String> response = api.send(api.authorized("/api/v1/messages/105", 1)
                .header("Origin", "https://chat.test").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static TestApi start(List<String> origins) {
        return TestApi.start(new StubUseCases(), settings -> settings.withAllowedOrigins(origins), List.of());
    }

    private HttpResponse<String> preflight(String path, String origin, String method) {
        return api.send(api.request(path).header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }
}
