package dev.mosaic.adapters.http;

import static dev.mosaic.adapters.http.JsonAssert.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.adapters.http.TrafficLimits.RateLimit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits per user and per address, and socket caps, on a real server around stub use cases. */
class TrafficLimitsTest {

    /** Slow refills, so no token comes back during a test on a busy machine. */
    static final RateLimit MINUTELY_FIVE = new RateLimit(5, 1, Duration.ofMinutes(1));

    private final TestApi api = TestApi.start(new StubUseCases(), settings -> settings.withLimits(
            settings.limits().withRates(MINUTELY_FIVE, new RateLimit(4, 1, Duration.ofMinutes(1))).withSockets(2, 2)), List.of());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aUserOverTheBurstMeets429WithRetryAfterAndAnotherUserIsUnaffected() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/messages/1", 1).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = api.get("/api/v1/messages/1", 1);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(limited.body()).path("code").asText()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(50L, 60L);
        assertThat(api.get("/api/v1/messages/1", 2).statusCode()).isEqualTo(200);
        assertThat(api.send(api.request("/metrics").GET().build()).body())
                .contains("mosaic_refused_total{reason=\"rate_limited\"} 1.0");
    }

    @Test
    void everyEndpointDrawsFromTheSameBucket() {
        api.postJson("/api/v1/files/upload/", 1, "{}");
        api.postJson("/api/v1/files/upload/complete/", 1, "{}");
        api.postJson("/api/v1/files/upload/parts/", 1, "{}");
        api.postJson("/api/v1/files/upload/abort/", 1, "{}");
        api.get("/api/v1/conversations/2/messages", 1);

        assertThat(api.get("/api/v1/messages/1", 1).statusCode()).isEqualTo(429);
    }

    @Test
    void anEmptiedBucketRefills() {
        try (TestApi quick = TestApi.start(new StubUseCases(), settings -> settings.withLimits(
                settings.limits().withRates(RateLimit.perSecond(1, 5), MINUTELY_FIVE)), List.of())) {
            quick.get("/api/v1/messages/1", 1);
            await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                    .until(() -> quick.get("/api/v1/messages/1", 1).statusCode() == 200);
        }
    }

    @Test
    void requestsWithoutAUserAreLimitedPerAddressApartFromSignedInUsers() {
        for (int i = 0; i < 4; i++) {
            assertThat(api.send(api.request("/api/v1/messages/1").GET().build()).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = api.send(api.request("/api/v1/messages/1")
                .header("Authorization", "Bearer not-a-token").GET().build());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(json(limited.body()).path("code").asText()).isEqualTo("rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.get("/api/v1/messages/1", 1).statusCode()).isEqualTo(200);
    }

    @Test
    void socketConnectsDrawFromTheUsersBucketToo() {
        for (int i = 0; i < 5; i++) {
            api.get("/api/v1/messages/1", 1);
        }

        assertThat(upgradeStatus(Map.of("Authorization", "Bearer " + TestApi.token(1)))).isEqualTo(429);
        assertThat(upgradeStatus(Map.of("Authorization", "Bearer " + TestApi.token(2)))).isEqualTo(101);
    }

    @Test
    void aMalformedQueryOnTheSocketIsA400ThatTakesNoToken() throws IOException {
        for (int i = 0; i < 6; i++) {
            String answer = rawUpgrade("/api/v1/ws?since=%zz", 1);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"code\":\"request_malformed\"");
        }

        assertThat(upgradeStatus(Map.of("Authorization", "Bearer " + TestApi.token(1)))).isEqualTo(101);
    }

    @Test
    void aUsersThirdSocketClosesTheOldest() {
        SocketClient first = signedIn(1);
        SocketClient second = signedIn(1);
        SocketClient third = signedIn(1);

        assertThat(first.awaitClose()).isEqualTo(new SocketClient.Closed(1008, "too_many_sockets"));
        second.assertNothingMoreThanPong();
        third.assertNothingMoreThanPong();
        assertThat(api.send(api.request("/metrics").GET().build()).body())
                .contains("mosaic_refused_total{reason=\"too_many_sockets\"} 1.0");
    }

    @Test
    void anAddressHoldsAtMostSoManySocketsNotSignedIn() {
        SocketClient first = SocketClient.connect(socketUri(), Map.of());
        SocketClient second = SocketClient.connect(socketUri(), Map.of());
        SocketClient third = SocketClient.attempt(socketUri(), Map.of());

        assertThat(third.awaitClose()).isEqualTo(new SocketClient.Closed(1008, "too_many_sockets"));
        first.send("{\"type\": \"auth\", \"token\": \"" + TestApi.token(5) + "\"}");
        assertThat(first.next().path("type").asText()).isEqualTo("ready");
        SocketClient fourth = SocketClient.connect(socketUri(), Map.of());
        fourth.assertNothingMoreThanPong();
        second.close();
    }

    private SocketClient signedIn(long user) {
        SocketClient socket = SocketClient.connect(socketUri(), Map.of("Authorization", "Bearer " + TestApi.token(user)));
        assertThat(socket.next().path("type").asText()).isEqualTo("ready");
        return socket;
    }

    private int upgradeStatus(Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        try {
            WebSocket socket = builder.buildAsync(socketUri(), new WebSocket.Listener() { }).join();
            socket.abort();
            return 101;
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw failed;
        }
    }

    private String rawUpgrade(String target, long user) throws IOException {
        try (Socket socket = new Socket("localhost", api.api.port())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer " + TestApi.token(user) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int read; !bytes.toString(StandardCharsets.ISO_8859_1).contains("}") && (read = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, read);
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private URI socketUri() {
        return URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws");
    }
}
