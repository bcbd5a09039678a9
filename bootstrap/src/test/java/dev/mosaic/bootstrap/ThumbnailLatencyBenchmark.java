package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Not a test: a {@code main} that measures, on a running Mosaic (embedded defaults), the time from
 * the completion call of a 12-megapixel JPEG to its {@code thumbnail_ready} event on the sender's
 * socket, cut into the node's steps. See {@code bootstrap/BENCHMARK.md}.
 */
public final class ThumbnailLatencyBenchmark {

    private ThumbnailLatencyBenchmark() {
    }

    /** One timed run: when it started, when the frame arrived, and what it was made of. */
    private record Run(long asset, MachineWatch.Sample before, MachineWatch.Sample after, double answered,
                       Optional<Map<String, Double>> steps) {
        double millis() {
            return (after.nanos() - before.nanos()) / 1e6;
        }
    }

    /** Paced: each run starts as soon as the one before has its thumbnail. Settled: once it is ready. */
    private enum Pacing { PACED, SETTLED }

    /**
     * @param args timed runs (15), warm-ups (80: a node that has been running; with fewer the JIT compiler
     *             still shares the cores, BENCHMARK.md), and which pacing: {@code paced} (each run starts as soon as the
     *             previous photo's {@code thumbnail_ready} arrived, so its preview is being made meanwhile),
     *             {@code settled} (each run starts once the previous photo is {@code ready}), or {@code both}
     *             (the default: paced, then settled, on the same node)
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 80;
        String mode = args.length > 2 ? args[2] : "both";
        List<Pacing> pacings = mode.equals("both") ? List.of(Pacing.PACED, Pacing.SETTLED)
                : List.of(Pacing.valueOf(mode.toUpperCase(Locale.ROOT)));
        byte[] photo = Samples.cameraJpeg(4000, 3000);
        Path dataDir = Files.createTempDirectory("mosaic-benchmark-");
        int status = 0;
        try {
            run(runs, warmups, pacings, photo, dataDir);
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            status = 1;
        }
        // a socket ping thread of the node is not a daemon
        System.exit(status);
    }

    private static void run(int runs, int warmups, List<Pacing> pacings, byte[] photo, Path dataDir)
            throws Exception {
        PhaseLog log = PhaseLog.attach();
        try (RunningMosaic server = new RunningMosaic(dataDir);
             SocketClient socket = SocketClient.withHeader(server.socketUrl(), RunningMosaic.token(1))) {
            for (Pacing pacing : pacings) {
                String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
                List<Run> timed = new ArrayList<>();
                long jitBefore = 0;
                try (MachineWatch watch = new MachineWatch()) {
                    for (int run = 0; run < warmups + runs; run++) {
                        if (run == warmups) {
                            jitBefore = jitMillis();
                        }
                        Run done = completeAndAwaitThumbnail(server, socket, photo, log);
                        if (pacing == Pacing.SETTLED) {
                            socket.awaitArrival(frame -> is(frame, done.asset(), "ready"), Duration.ofSeconds(30));
                        }
                        if (run >= warmups) {
                            timed.add(done);
                        }
                    }
                    if (pacing == Pacing.PACED) {
                        // the last preview is not the next block's business
                        socket.awaitArrival(frame -> is(frame, timed.get(timed.size() - 1).asset(), "ready"),
                                Duration.ofSeconds(30));
                    }
                    long jit = jitMillis() - jitBefore;
                    watch.stop();
                    report(pacing, timed, watch, log, photo.length, warmups, loadBefore);
                    // a JVM still compiling shares the cores with the runs and runs their code slower
                    System.out.printf(Locale.ROOT, "JIT compilation during the timed runs: %d ms (summed over"
                            + " the compilations; it falls as the node warms up)%n", jit);
                }
            }
        }
    }

    private static Run completeAndAwaitThumbnail(RunningMosaic server, SocketClient socket, byte[] photo,
                                                 PhaseLog log) throws Exception {
        JsonNode upload = json(server.post("/api/v1/files/upload/", 1, """
                {"receiver_id": 2, "attachments": [{"file_name": "photo.jpg", "file_size": %d,
                 "content_type": "image/jpeg", "kind": "image"}]}""".formatted(photo.length))).get("uploads").get(0);
        HttpResponse<String> put = server.send(HttpRequest.newBuilder(URI.create(upload.get("put_url").asText()))
                .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("upload failed: " + put.body());
        }
        long assetId = upload.get("asset_id").asLong();
        String body = "{\"asset_id\": " + assetId + "}";
        MachineWatch.Sample before = MachineWatch.sample();
        server.post("/api/v1/files/upload/complete/", 1, body);
        long answered = System.nanoTime();
        long arrived;
        try {
            arrived = socket.awaitArrival(frame -> is(frame, assetId, "thumbnail_ready"), Duration.ofSeconds(30));
        } catch (IllegalStateException missing) {
            throw new IllegalStateException("no thumbnail_ready for asset " + assetId + "; frames: " + socket.frames
                    + "; the node's steps: " + log.all(), missing);
        }
        MachineWatch.Sample after = MachineWatch.sample();
        MachineWatch.Sample received = new MachineWatch.Sample(arrived, after.processCpuNanos(),
                after.machineBusyNanos());
        return new Run(assetId, before, received, (answered - before.nanos()) / 1e6,
                ThumbnailPhases.of(log, assetId, before.nanos(), arrived));
    }

    private static void report(Pacing pacing, List<Run> timed, MachineWatch watch, PhaseLog log, int bytes,
                               int warmups, String loadBefore) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %s: %s%n", pacing.name().toLowerCase(Locale.ROOT),
                pacing == Pacing.PACED ? "each run starts when the previous photo's thumbnail_ready arrives"
                        : "each run starts when the previous photo is ready (its preview made)");
        System.out.printf(Locale.ROOT, "%s; load average before %s, after %s%n", java.time.Instant.now(), loadBefore,
                Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf(Locale.ROOT, "12 MP JPEG 4:4:4, Exif orientation 6 (%d bytes), %d runs after %d warm-ups%n",
                bytes, timed.size(), warmups);
        System.out.println("per run, ms:  total answer |" + ThumbnailPhases.header()
                + " | prev.preview cpu.mosaic cpu.others gc.pause gc.conc");
        List<Map<String, Double>> steps = new ArrayList<>();
        for (Run run : timed) {
            MachineWatch.Window window = watch.between(run.before(), run.after());
            System.out.printf(Locale.ROOT, "  %11.1f %6.1f |%s | %12.1f %10.1f %10.1f %8.1f %7.1f%n", run.millis(),
                    run.answered(), run.steps().map(ThumbnailPhases::row).orElse(" (steps missing)"),
                    ThumbnailPhases.previewOverlap(log, run.before().nanos()), window.processCpu(),
                    window.otherCpu(), window.gcPause(), window.gcConcurrent());
            run.steps().ifPresent(steps::add);
        }
        if (!steps.isEmpty()) {
            System.out.println("steps over the runs:");
            ThumbnailPhases.summary(steps).forEach(System.out::println);
        }
        System.out.println(ThumbnailPhases.previews(log, timed.get(0).before().nanos()));
        List<Double> millis = timed.stream().map(Run::millis).sorted().toList();
        System.out.printf(Locale.ROOT, "%s: completion call -> thumbnail_ready: median %.1f ms (goal <= 150), p90 %.1f"
                + " ms, min %.1f ms, max %.1f ms%n", pacing.name().toLowerCase(Locale.ROOT),
                ThumbnailPhases.percentile(millis, 0.5),
                ThumbnailPhases.percentile(millis, 0.9), millis.get(0), millis.get(millis.size() - 1));
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", java " + Runtime.version());
    }

    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static boolean is(JsonNode frame, long assetId, String stage) {
        JsonNode data = frame.path("data");
        return data.path("asset_id").asLong() == assetId && data.path("stage").asText().equals(stage);
    }
}
