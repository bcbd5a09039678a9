package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: a {@code main} that measures, on a running Mosaic (embedded defaults), the time from
 * the completion call of a 12-megapixel JPEG to its {@code thumbnail_ready} event on the sender's
 * socket. See {@code bootstrap/BENCHMARK.md}.
 */
public final class ThumbnailLatencyBenchmark {

    private ThumbnailLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        byte[] photo = Samples.cameraJpeg(4000, 3000);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        Path dataDir = Files.createTempDirectory("mosaic-benchmark-");
        List<Double> millis = new ArrayList<>();
        try (RunningMosaic server = new RunningMosaic(dataDir);
             SocketClient socket = SocketClient.withHeader(server.socketUrl(), RunningMosaic.token(1))) {
            for (int run = 0; run < warmups + runs; run++) {
                double elapsed = completeAndAwaitThumbnail(server, socket, photo);
                if (run >= warmups) {
                    millis.add(elapsed);
                }
            }
        }
        Collections.sort(millis);
        System.out.printf("%s; load average before %s, after %s%n", java.time.Instant.now(), loadBefore,
                Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("12 MP JPEG 4:4:4, Exif orientation 6 (%d bytes), %d runs after %d warm-ups%n",
                photo.length, runs, warmups);
        System.out.printf("completion call -> thumbnail_ready: median %.1f ms (goal <= 150), p90 %.1f ms,"
                + " min %.1f ms, max %.1f ms%n", millis.get(millis.size() / 2),
                millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.9) - 1)), millis.get(0),
                millis.get(millis.size() - 1));
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", java " + Runtime.version());
        System.exit(0);
    }

    private static double completeAndAwaitThumbnail(RunningMosaic server, SocketClient socket, byte[] photo)
            throws Exception {
        JsonNode upload = json(server.post("/api/v1/files/upload/", 1, """
                {"receiver_id": 2, "attachments": [{"file_name": "photo.jpg", "file_size": %d,
                 "content_type": "image/jpeg", "kind": "image"}]}""".formatted(photo.length))).get("uploads").get(0);
        HttpResponse<String> put = server.send(HttpRequest.newBuilder(URI.create(upload.get("put_url").asText()))
                .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("upload failed: " + put.body());
        }
        long assetId = upload.get("asset_id").asLong();
        long started = System.nanoTime();
        server.post("/api/v1/files/upload/complete/", 1, "{\"asset_id\": " + assetId + "}");
        long arrived = socket.awaitArrival(frame -> isThumbnailReady(frame, assetId), java.time.Duration.ofSeconds(30));
        return (arrived - started) / 1e6;
    }

    private static boolean isThumbnailReady(JsonNode frame, long assetId) {
        JsonNode data = frame.path("data");
        return data.path("asset_id").asLong() == assetId && data.path("stage").asText().equals("thumbnail_ready");
    }
}
