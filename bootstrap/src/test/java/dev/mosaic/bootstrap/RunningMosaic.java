package dev.mosaic.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.adapters.http.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A real Mosaic node on a free port and a temporary data folder, with a plain HTTP client. */
public final class RunningMosaic implements AutoCloseable {
    public static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    public static final ObjectMapper JSON = new ObjectMapper();

    public final Path dataDir;
    public final Mosaic mosaic;
    public final HttpClient client = HttpClient.newHttpClient();

    public RunningMosaic(Path dataDir) {
        this(dataDir, Map.of());
    }

    public RunningMosaic(Path dataDir, Map<String, String> extra) {
        this.dataDir = dataDir;
        Map<String, String> env = new HashMap<>(Map.of(
                "MOSAIC_PORT", "0",
                "MOSAIC_DATA_DIR", dataDir.toString(),
                "MOSAIC_JWT_SECRET", SECRET,
                "PATH", System.getenv().getOrDefault("PATH", "")));
        env.putAll(extra);
        this.mosaic = Mosaic.start(Config.from(env));
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + mosaic.port() + path);
    }

    public URI socketUrl() {
        return URI.create("ws://localhost:" + mosaic.port() + "/api/v1/ws");
    }

    public static String token(long user) {
        return Tokens.issue(SECRET.getBytes(StandardCharsets.UTF_8), user, Duration.ofHours(1));
    }

    public HttpResponse<String> post(String path, long user, String body) {
        return send(HttpRequest.newBuilder(url(path))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String path, long user) {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token(user)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        mosaic.close();
    }
}
