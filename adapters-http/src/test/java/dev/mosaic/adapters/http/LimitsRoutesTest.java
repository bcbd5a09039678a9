package dev.mosaic.adapters.http;

import static dev.mosaic.adapters.http.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.domain.UserId;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LimitsRoutesTest {

    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api = TestApi.start(stubs);

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/limits", "/api/v1/limits/"})
    void theLimitsAreReadInSnakeCaseAndMayBeKeptAWhileByThisClientOnly(String path) {
        AtomicReference<UserId> viewer = new AtomicReference<>();
        stubs.readLimits = who -> {
            viewer.set(who);
            return Views.limits();
        };

        HttpResponse<String> response = api.get(path, 7);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("private, max-age=30");
        JsonNode limits = json(response.body());
        assertThat(limits.path("max_attachments").asInt()).isEqualTo(10);
        assertThat(limits.path("max_text_length").asInt()).isEqualTo(4096);
        assertThat(limits.path("kinds").path("image").path("max_bytes").asLong()).isEqualTo(50L * 1024 * 1024);
        assertThat(limits.path("kinds").path("video").path("accepted_types").get(0).asText()).isEqualTo("video/*");
        assertThat(limits.path("multipart").path("threshold").asLong()).isEqualTo(5L * 1024 * 1024);
        assertThat(limits.path("multipart").path("max_parts").asInt()).isEqualTo(10_000);
        assertThat(limits.path("quota").path("pending_uploads").asInt()).isEqualTo(1);
        assertThat(limits.path("quota").path("pending_bytes").asLong()).isEqualTo(3L * 1024 * 1024);
        assertThat(limits.path("quota").path("albums_today").asInt()).isEqualTo(2);
        assertThat(limits.path("quota").path("max_albums_per_day").asInt()).isPositive();
        assertThat(viewer.get()).isEqualTo(UserId.of(7));
    }

    @Test
    void withoutATokenTheLimitsAreNotTold() {
        HttpResponse<String> response = api.send(api.request("/api/v1/limits").GET().build());

        JsonAssert.problem(response, 401, "unauthenticated");
    }
}
