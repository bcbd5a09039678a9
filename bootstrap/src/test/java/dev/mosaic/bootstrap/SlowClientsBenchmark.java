package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Not a test: a {@code main} that opens 300 slow-body connections (150 API bodies, 150 storage PUTs, one byte
 * every 5 s) against a node on its embedded defaults, then measures {@code GET /health} (20 calls, each on a new
 * connection) and another user's album creation while they are open. See {@code bootstrap/BENCHMARK.md}.
 * Arguments: the number of slow connections (300) and {@code MOSAIC_*=value} settings for the node.
 */
public final class SlowClientsBenchmark {

    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    /** One body byte this often, as the attack of issue 10 did. */
    static final Duration TRICKLE = Duration.ofSeconds(5);

    private SlowClientsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int slow = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Map<String, String> settings = new java.util.HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        Path dataDir = Files.createTempDirectory("mosaic-slow-clients-");
        try (RunningMosaic server = new RunningMosaic(dataDir, settings)) {
            measure(server, 6);
            Figures idle = measure(server, 7);
            try (SlowClients attackers = attack(server, slow, TRICKLE, Duration.ofSeconds(60))) {
                Thread.sleep(300);
                long open = attackers.stillOpen();
                long started = System.nanoTime();
                Figures loaded = measure(server, 8);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%d slow connections (1 byte every %d s), java %s, %d cores%n", slow, TRICKLE.toSeconds(),
                        Runtime.version(), Runtime.getRuntime().availableProcessors());
                System.out.println("without them: " + idle);
                System.out.println("with them:    " + loaded);
                System.out.printf("slow connections open: %d when it began, %d after it (%.1f s later)%n", open,
                        attackers.stillOpen(), seconds);
            }
        }
        System.exit(0);
    }

    /** Half the connections trickle an album request, half a storage PUT. */
    static SlowClients attack(RunningMosaic server, int count, Duration interval, Duration limit) throws Exception {
        JsonNode upload = json(server.post("/api/v1/files/upload/", 1, """
                {"receiver_id": 2, "attachments": [{"file_name": "a.pdf", "file_size": 100000,
                 "content_type": "application/pdf", "kind": "file"}]}""")).get("uploads").get(0);
        URI putUrl = URI.create(upload.get("put_url").asText());
        URI base = server.url("/");
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            heads.add(i % 2 == 0
                    ? SlowClients.postHead(base, "/api/v1/files/upload/", RunningMosaic.token(1), 400)
                    : SlowClients.putHead(putUrl, "application/pdf", 100_000));
        }
        return SlowClients.open(base, heads, interval, limit);
    }

    static Figures measure(RunningMosaic server, long user) throws Exception {
        List<Double> health = new ArrayList<>();
        List<Double> albums = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i % 4 == 0) {
                albums.add(timed(server, HttpRequest.newBuilder(server.url("/api/v1/files/upload/"))
                        .header("Authorization", "Bearer " + RunningMosaic.token(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"receiver_id": 9, "attachments": [{"file_name": "b.pdf", "file_size": 10,
                                 "content_type": "application/pdf", "kind": "file"}]}"""))));
            }
            health.add(timed(server, HttpRequest.newBuilder(server.url("/health")).GET()));
            Thread.sleep(20);
        }
        Collections.sort(health);
        Collections.sort(albums);
        long unanswered = health.stream().filter(ms -> ms >= ANSWER_WAIT.toMillis()).count();
        return new Figures(health.get(health.size() / 2), health.get(health.size() * 9 / 10),
                health.get(health.size() - 1), unanswered, albums.get(albums.size() / 2),
                albums.get(albums.size() - 1));
    }

    /** Milliseconds to a full answer on a new connection; {@link #ANSWER_WAIT} when none came. */
    static double timed(RunningMosaic server, HttpRequest.Builder request) throws Exception {
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(ANSWER_WAIT).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = fresh.send(request.timeout(ANSWER_WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return (System.nanoTime() - started) / 1e6;
        } catch (HttpTimeoutException noAnswer) {
            return ANSWER_WAIT.toMillis();
        }
    }

    record Figures(double healthMedianMs, double health90Ms, double healthMaxMs, long unanswered, double albumMedianMs,
                   double albumMaxMs) {
        @Override
        public String toString() {
            return String.format("/health median %.1f ms, 90th %.1f ms, max %.1f ms, %d of 20 unanswered in %d s;"
                    + " another user's album (5 calls) median %.1f ms, max %.1f ms", healthMedianMs, health90Ms,
                    healthMaxMs, unanswered, ANSWER_WAIT.toSeconds(), albumMedianMs, albumMaxMs);
        }
    }
}
