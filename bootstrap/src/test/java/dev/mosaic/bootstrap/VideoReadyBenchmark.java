package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
 * the completion call of a 30-second 1080p H.264 clip to its {@code thumbnail_ready} and
 * {@code ready} events on the sender's socket, and, on the same file in the same run, ffmpeg alone
 * making the same 720p rendition with the same settings: at normal priority, at Mosaic's lower
 * transcode priority ({@code nice -n 10}, which on a machine shared with other work is what slows
 * Mosaic's transcode down), and with the two-thread cap Mosaic used before. Runs alternate, so load
 * on a shared machine falls on all of them alike. See
 * {@code bootstrap/BENCHMARK.md}.
 */
public final class VideoReadyBenchmark {
    private static final double CLIP_SECONDS = 30;
    private static final List<String> SAME_SETTINGS = List.of("-map", "0:v:0", "-map", "0:a:0?",
            "-map_metadata", "-1", "-sn", "-dn", "-vf", "scale=1280:720",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-movflags", "+faststart", "-f", "mp4", "-y");

    private VideoReadyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path folder = Files.createTempDirectory("mosaic-video-benchmark-");
        Path clip = clip(folder.resolve("clip.mp4"));
        byte[] bytes = Files.readAllBytes(clip);
        List<Double> ready = new ArrayList<>();
        List<Double> thumbnail = new ArrayList<>();
        List<Double> alone = new ArrayList<>();
        List<Double> capped = new ArrayList<>();
        List<Double> niced = new ArrayList<>();
        try (RunningMosaic server = new RunningMosaic(folder.resolve("data"));
             SocketClient socket = SocketClient.withHeader(server.socketUrl(), RunningMosaic.token(1))) {
            for (int run = 0; run < warmups + runs; run++) {
                double[] mosaic = completeAndAwaitReady(server, socket, bytes);
                double plain = ffmpeg(List.of(), clip, folder.resolve("alone.mp4"), List.of(), List.of());
                double nice = ffmpeg(List.of("nice", "-n", "10"), clip, folder.resolve("niced.mp4"), List.of(),
                        List.of());
                double held = ffmpeg(List.of(), clip, folder.resolve("capped.mp4"),
                        List.of("-filter_threads", "2", "-threads", "2"), List.of("-threads", "2"));
                System.out.printf("run %d%s: mosaic thumbnail_ready %.0f ms, ready %.0f ms; ffmpeg alone %.0f ms,"
                        + " at nice 10 %.0f ms, with -threads 2 %.0f ms%n", run + 1, run < warmups ? " (warm-up)" : "",
                        mosaic[0], mosaic[1], plain, nice, held);
                if (run >= warmups) {
                    thumbnail.add(mosaic[0]);
                    ready.add(mosaic[1]);
                    alone.add(plain);
                    niced.add(nice);
                    capped.add(held);
                }
            }
        }
        System.out.printf("30 s 1080p30 H.264 + AAC clip (%d bytes), %d runs after %d warm-ups, medians:%n",
                bytes.length, runs, warmups);
        System.out.printf("  mosaic completion -> thumbnail_ready %.0f ms%n", median(thumbnail));
        System.out.printf("  mosaic completion -> ready           %.0f ms (%.2fx real time)%n", median(ready),
                CLIP_SECONDS * 1000 / median(ready));
        System.out.printf("  ffmpeg alone, same settings          %.0f ms (%.2fx real time)%n", median(alone),
                CLIP_SECONDS * 1000 / median(alone));
        System.out.printf("  ffmpeg alone at nice 10              %.0f ms (%.2fx real time)%n", median(niced),
                CLIP_SECONDS * 1000 / median(niced));
        System.out.printf("  ffmpeg with -threads 2 (before)      %.0f ms (%.2fx real time)%n", median(capped),
                CLIP_SECONDS * 1000 / median(capped));
        System.out.printf("  ratio mosaic ready / ffmpeg alone: %.2f (median of per-run ratios %.2f)%n",
                median(ready) / median(alone), medianRatio(ready, alone));
        System.out.printf("  ratio mosaic ready / ffmpeg alone at nice 10: %.2f (median of per-run ratios %.2f)%n",
                median(ready) / median(niced), medianRatio(ready, niced));
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", java " + Runtime.version());
        System.exit(0);
    }

    /** A phone-like clip: moving test pattern with light grain, 30 fps, small enough for one direct PUT. */
    private static Path clip(Path file) throws IOException, InterruptedException {
        run(List.of("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=1920x1080:rate=30:duration=" + CLIP_SECONDS + ",noise=alls=3:allf=t",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + CLIP_SECONDS, "-shortest",
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "1000k", "-maxrate", "1200k", "-bufsize", "2400k",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-y", file.toString()));
        return file;
    }

    private static double ffmpeg(List<String> launcher, Path clip, Path output, List<String> before,
                                 List<String> after) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("ffmpeg", "-nostdin", "-v", "error"));
        command.addAll(before);
        command.addAll(List.of("-i", clip.toString()));
        command.addAll(SAME_SETTINGS.subList(0, SAME_SETTINGS.size() - 5));
        command.addAll(after);
        command.addAll(SAME_SETTINGS.subList(SAME_SETTINGS.size() - 5, SAME_SETTINGS.size()));
        command.add(output.toString());
        long started = System.nanoTime();
        run(command);
        return (System.nanoTime() - started) / 1e6;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
    }

    /** Milliseconds from the completion call to {@code thumbnail_ready}, and to {@code ready}. */
    private static double[] completeAndAwaitReady(RunningMosaic server, SocketClient socket, byte[] clip)
            throws Exception {
        JsonNode upload = json(server.post("/api/v1/files/upload/", 1, """
                {"receiver_id": 2, "attachments": [{"file_name": "clip.mp4", "file_size": %d,
                 "content_type": "video/mp4", "kind": "video"}]}""".formatted(clip.length))).get("uploads").get(0);
        HttpResponse<String> put = server.send(HttpRequest.newBuilder(URI.create(upload.get("put_url").asText()))
                .header("Content-Type", "video/mp4").PUT(HttpRequest.BodyPublishers.ofByteArray(clip)).build());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("upload failed: " + put.body());
        }
        long assetId = upload.get("asset_id").asLong();
        long started = System.nanoTime();
        server.post("/api/v1/files/upload/complete/", 1, "{\"asset_id\": " + assetId + "}");
        double thumbnail = -1;
        while (true) {
            if (thumbnail < 0 && hasStage(socket, assetId, "thumbnail_ready")) {
                thumbnail = (System.nanoTime() - started) / 1e6;
            }
            if (hasStage(socket, assetId, "ready")) {
                return new double[] {thumbnail, (System.nanoTime() - started) / 1e6};
            }
            if (hasStage(socket, assetId, "failed") || System.nanoTime() - started > 600_000_000_000L) {
                throw new IllegalStateException("the clip did not become ready: " + socket.frames);
            }
            Thread.sleep(5);
        }
    }

    private static boolean hasStage(SocketClient socket, long assetId, String stage) {
        return socket.frames.stream().map(frame -> frame.path("data")).anyMatch(data ->
                data.path("asset_id").asLong() == assetId && data.path("stage").asText().equals(stage));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double medianRatio(List<Double> numerators, List<Double> denominators) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            ratios.add(numerators.get(i) / denominators.get(i));
        }
        return median(ratios);
    }
}
