package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 300 connections that trickle their bodies (half an album request, half a storage PUT) against a running node:
 * the node keeps serving everyone else, cuts each slow one off with 408, keeps nothing of them, and a slow but
 * honest phone (64 KiB/s) still uploads. Grace periods are small here so the test takes seconds.
 */
class SlowClientsTest {

    static final Map<String, String> SETTINGS = Map.of(
            "MOSAIC_HTTP_IDLE_TIMEOUT", "PT2S",
            "MOSAIC_MIN_BODY_RATE", "1024",
            "MOSAIC_RATE_USER_BURST", "100000",
            "MOSAIC_RATE_ADDRESS_BURST", "100000");

    @TempDir
    Path dataDir;

    @Test
    void slowBodiesAreCutOffWith408WhileEveryoneElseIsServed() throws Exception {
        try (RunningMosaic server = new RunningMosaic(dataDir, SETTINGS);
             SlowClients attackers = SlowClientsBenchmark.attack(server, 300, Duration.ofSeconds(1),
                     Duration.ofSeconds(30))) {
            HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> health = fresh.send(HttpRequest.newBuilder(server.url("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
            }
            HttpResponse<String> album = fresh.send(HttpRequest.newBuilder(server.url("/api/v1/files/upload/"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + RunningMosaic.token(7))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"receiver_id": 8, "attachments": [{"file_name": "b.pdf", "file_size": 10,
                             "content_type": "application/pdf", "kind": "file"}]}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(album.statusCode()).isEqualTo(201);

            assertThat(attackers.awaitSettled(Duration.ofSeconds(15))).as("every slow connection answered").isTrue();
            assertThat(attackers.answers()).hasSize(300).allSatisfy(answer ->
                    assertThat(answer).startsWith("HTTP/1.1 408").endsWith("request_timeout"));
        }
        // nothing of them kept: the first album only (made by the attack to get a PUT URL), no object, no temp file
        try (RunningMosaic again = new RunningMosaic(dataDir, SETTINGS)) {
            JsonNode page = json(again.get("/api/v1/conversations/2/messages", 1));
            assertThat(page.get("messages")).hasSize(1);
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString))
                    .noneMatch(name -> name.contains("/raw/") || name.endsWith(".tmp"));
        }
    }

    @Test
    void anHonestPhoneAt64KibPerSecondUploads() throws Exception {
        try (RunningMosaic server = new RunningMosaic(dataDir, SETTINGS)) {
            int size = 192 * 1024;
            JsonNode upload = json(server.post("/api/v1/files/upload/", 3, """
                    {"receiver_id": 4, "attachments": [{"file_name": "a.pdf", "file_size": %d,
                     "content_type": "application/pdf", "kind": "file"}]}""".formatted(size))).get("uploads").get(0);
            URI putUrl = URI.create(upload.get("put_url").asText());
            byte[] body = new byte[size];
            System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 9);

            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() ->
                    paced(putUrl, SlowClients.putHead(putUrl, "application/pdf", size), body, 64 * 1024));

            assertThat(answer.get()).startsWith("HTTP/1.1 200");
            HttpResponse<String> complete = server.post("/api/v1/files/upload/complete/", 3,
                    "{\"asset_id\": " + upload.get("asset_id").asLong() + "}");
            assertThat(complete.statusCode()).isEqualTo(200);
        }
    }

    /** Sends {@code head}, then {@code body} at {@code bytesPerSecond} in 4 KiB steps; answers the status line. */
    static String paced(URI url, String head, byte[] body, int bytesPerSecond) {
        int step = 4096;
        long pause = 1_000L * step / bytesPerSecond;
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            for (int offset = 0; offset < body.length; offset += step) {
                out.write(body, offset, Math.min(step, body.length - offset));
                out.flush();
                Thread.sleep(pause);
            }
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString().trim();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }
}
