package dev.mosaic.adapters.http;

import static dev.mosaic.adapters.http.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperationsTest {

    private TestApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/"})
    void healthIsUpWhenEveryCheckIs(String path) {
        api = TestApi.start(new StubUseCases(), settings -> settings,
                List.of(new HealthCheck("database", () -> true), new HealthCheck("storage", () -> true)));

        HttpResponse<String> response = api.send(api.request(path).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response.body());
        assertThat(health.path("status").asText()).isEqualTo("up");
        assertThat(health.path("checks").path("database").asText()).isEqualTo("up");
        assertThat(health.path("checks").path("storage").asText()).isEqualTo("up");
    }

    @Test
    void healthIs503WhenAnyCheckIsDownOrThrows() {
        api = TestApi.start(new StubUseCases(), settings -> settings, List.of(
                new HealthCheck("database", () -> true),
                new HealthCheck("storage", () -> false),
                new HealthCheck("queue", () -> {
                    throw new IllegalStateException("unreachable");
                })));

        HttpResponse<String> response = api.send(api.request("/health").GET().build());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = json(response.body());
        assertThat(health.path("status").asText()).isEqualTo("down");
        assertThat(health.path("checks").path("database").asText()).isEqualTo("up");
        assertThat(health.path("checks").path("storage").asText()).isEqualTo("down");
        assertThat(health.path("checks").path("queue").asText()).isEqualTo("down");
    }

    @Test
    void metricsAreExposedAsPrometheusTextWithRequestTimers() {
        api = TestApi.start(new StubUseCases());
        api.get("/api/v1/messages/105", 1);
        api.get("/api/v1/messages/106", 1);
        assertThat(api.get("/api/v1/nowhere", 1).statusCode()).isEqualTo(404);

        HttpResponse<String> response = api.send(api.request("/metrics").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(response.body()).contains("http_server_requests_seconds_count{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*"
                        + "uri=\"/api/v1/messages/\\{message_id}\"[^}]*} 2")
                .as("one series per method, route and status")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"unmatched\"[^}]*} 1");
    }

    @Test
    void openApiDocumentDescribesEveryRoute() {
        api = TestApi.start(new StubUseCases());

        HttpResponse<String> response = api.send(api.request("/openapi.json").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json(response.body());
        assertThat(document.path("openapi").asText()).startsWith("3.1");
        assertThat(document.path("paths").fieldNames()).toIterable().contains(
                "/api/v1/files/upload/", "/api/v1/files/upload/complete/", "/api/v1/files/upload/parts/",
                "/api/v1/files/upload/abort/", "/api/v1/messages/{message_id}",
                "/api/v1/conversations/{peer_id}/messages", "/api/v1/ws", "/storage/{path}", "/health",
                "/metrics", "/openapi.json");
        assertThat(document.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asText())
                .isEqualTo("bearer");
    }
}
