package dev.mosaic.adapters.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** A real server on a free port around stub use cases, and a client for it. */
final class TestApi implements AutoCloseable {

    static final byte[] SECRET = "a-test-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8);

    final StubUseCases stubs;
    final HttpApi api;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestApi(StubUseCases stubs, HttpSettings settings, List<HealthCheck> checks) {
        this.stubs = stubs;
        this.api = HttpApi.create(stubs.useCases(), settings, checks, registry).start();
    }

    static TestApi start(StubUseCases stubs) {
        return start(stubs, settings -> settings, List.of());
    }

    static TestApi start(StubUseCases stubs, UnaryOperator<HttpSettings> tweak, List<HealthCheck> checks) {
        return new TestApi(stubs, tweak.apply(HttpSettings.of(0, TokenSettings.hs256(SECRET))), checks);
    }

    static String token(long userId) {
        return Tokens.issue(SECRET, userId, Duration.ofMinutes(5));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + api.port() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    }

    HttpRequest.Builder authorized(String path, long userId) {
        return request(path).header("Authorization", "Bearer " + token(userId));
    }

    HttpResponse<String> postJson(String path, long userId, String json) {
        return send(authorized(path, userId).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> get(String path, long userId) {
        return send(authorized(path, userId).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        api.stop();
    }
}
