package dev.mosaic.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: a {@code main} that loads {@code POST /api/v1/files/upload/} with {@code wrk} (the guide's three
 * files, 2,000 distinct senders, 32 connections) on a node on its embedded defaults (H2) and on one on PostgreSQL
 * (embedded, with its own durable defaults), and in the same run a bare Javalin app parsing the same body and
 * answering 201; then both at 2 connections for the latencies, and the node alone at one connection creating a
 * 4 GiB video in 820 parts (100 part URLs signed in the answer). See {@code bootstrap/BENCHMARK.md}.
 *
 * <p>Arguments: {@code [seconds=10] [h2|postgresql|both=both]}. Needs Debian's {@code wrk}. Each phase prints its
 * start and end, so that a JFR recording of this JVM can be cut to one phase.
 */
public final class CreateRateBenchmark {
    static final String BODY = """
            {"receiver_id": 42, "text": "Check out the photos from the trip!", "attachments": [
             {"file_name": "beach.jpg", "file_size": 3050000, "content_type": "image/jpeg", "kind": "image"},
             {"file_name": "party.mp4", "file_size": 15000000, "content_type": "video/mp4", "kind": "video",
              "client_part_size": 5242880, "client_num_parts": 3},
             {"file_name": "itinerary.pdf", "file_size": 102400, "content_type": "application/pdf", "kind": "file"}]}""";
    /** 4 GiB in parts of 5 MiB: 820 parts, of which the answer signs the first 100. */
    static final String FILM = """
            {"receiver_id": 42, "attachments": [
             {"file_name": "film.mp4", "file_size": 4294967296, "content_type": "video/mp4", "kind": "video",
              "client_part_size": 5242880, "client_num_parts": 820}]}""";
    private static final String PATH = "/api/v1/files/upload/";
    private static final int SENDERS = 2_000;

    private CreateRateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> databases = args.length > 1 && !args[1].equals("both") ? List.of(args[1])
                : List.of("h2", "postgresql");
        Path dir = Files.createTempDirectory("mosaic-create-benchmark-");
        Path body = Files.writeString(dir.resolve("body.json"), BODY);
        Path film = Files.writeString(dir.resolve("film.json"), FILM);
        Wrk albums = new Wrk(dir, 1, SENDERS);
        Javalin bare = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post(PATH, ctx -> {
                JsonNode parsed = RunningMosaic.JSON.readTree(ctx.bodyAsBytes());
                ctx.status(201).contentType("application/json")
                        .result("{\"message_id\":" + parsed.path("attachments").size() + ",\"uploads\":[]}");
            });
        }).start(0);
        StringBuilder report = new StringBuilder();
        try {
            for (int run = 0; run < databases.size(); run++) {
                String database = databases.get(run);
                // each database's films come from their own senders: a 4 GiB pending upload counts against a quota
                Wrk films = new Wrk(dir, 1_000_000L * (run + 1), SENDERS);
                try (Database db = Database.start(database);
                     RunningMosaic node = new RunningMosaic(dir.resolve("data-" + database), db.environment())) {
                    report.append(measure(database, node.mosaic.port(), bare.port(), albums, films, body, film,
                            seconds));
                }
            }
        } finally {
            bare.stop();
        }
        System.out.print(report);
        System.exit(0);
    }

    private static String measure(String database, int mosaic, int bare, Wrk albums, Wrk films, Path body, Path film,
                                  int seconds) throws IOException, InterruptedException {
        String loadBefore = load();
        // warm: a cold anchor (JIT compiling while it runs) would cost four times its warm CPU per request
        albums.post(bare, PATH, body, 32, 5);
        albums.post(mosaic, PATH, body, 32, 5);
        films.post(mosaic, PATH, film, 1, 2);
        Phase bareRun = phase("bare-c32", () -> albums.post(bare, PATH, body, 32, seconds));
        Phase mosaicRun = phase(database + "-c32", () -> albums.post(mosaic, PATH, body, 32, seconds));
        Wrk.Result bareTwo = phase("bare-c2", () -> albums.post(bare, PATH, body, 2, seconds)).wrk();
        Wrk.Result mosaicTwo = phase(database + "-c2", () -> albums.post(mosaic, PATH, body, 2, seconds)).wrk();
        Wrk.Result filmRun = phase(database + "-film", () -> films.post(mosaic, PATH, film, 1, seconds)).wrk();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s, %s; load average before %s, after %s%n", Instant.now(), database,
                loadBefore, load()));
        out.append(String.format(Locale.ROOT, "batch create (the guide's 3 files), %d senders, %s, wrk %d s%n",
                SENDERS, database, seconds));
        out.append(String.format(Locale.ROOT,
                "-c32: mosaic %.0f req/s, bare Javalin %.0f req/s: %.1f %% (goal >= 10 %%)%n",
                mosaicRun.perSecond(), bareRun.perSecond(), 100 * mosaicRun.perSecond() / bareRun.perSecond()));
        out.append(String.format(Locale.ROOT,
                "-c32 CPU of this JVM per request: mosaic %.0f us, bare Javalin %.0f us: %.1f %%%n",
                mosaicRun.cpuMicrosPerRequest(), bareRun.cpuMicrosPerRequest(),
                100 * bareRun.cpuMicrosPerRequest() / mosaicRun.cpuMicrosPerRequest()));
        out.append(String.format(Locale.ROOT, "-c2: mosaic p50 %s, p99 %s (goal p99 <= 20 ms); bare p50 %s, p99 %s%n",
                mosaicTwo.p50(), mosaicTwo.p99(), bareTwo.p50(), bareTwo.p99()));
        out.append(String.format(Locale.ROOT,
                "4 GiB video in 820 parts, -c1: %.0f req/s, p50 %s, p99 %s (goal <= 5 ms)%n",
                filmRun.perSecond(), filmRun.p50(), filmRun.p99()));
        out.append(String.format(Locale.ROOT, "non-2xx answers: mosaic %s / %s / %s%n", mosaicRun.wrk().non2xx(),
                mosaicTwo.non2xx(), filmRun.non2xx()));
        return out.toString();
    }

    @FunctionalInterface
    private interface Load {
        Wrk.Result run() throws IOException, InterruptedException;
    }

    /** A phase's figures, with this JVM's CPU time per request: on a shared machine, a steadier figure. */
    private record Phase(Wrk.Result wrk, double cpuMicrosPerRequest) {
        double perSecond() {
            return wrk.perSecond();
        }
    }

    private static Phase phase(String name, Load load) throws IOException, InterruptedException {
        Instant start = Instant.now();
        long cpuBefore = CPU.getProcessCpuTime();
        Wrk.Result result = load.run();
        long cpu = CPU.getProcessCpuTime() - cpuBefore;
        Instant end = Instant.now();
        System.out.printf(Locale.ROOT, "phase %s %s %s%n", name, start, end);
        double requests = result.perSecond() * Duration.between(start, end).toNanos() / 1e9;
        return new Phase(result, cpu / 1e3 / Math.max(1, requests));
    }

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /** The node's database: H2 is the node's own default; PostgreSQL an embedded server with its defaults. */
    private record Database(EmbeddedPostgres postgres) implements AutoCloseable {
        static Database start(String name) throws IOException {
            return switch (name) {
                case "h2" -> new Database(null);
                case "postgresql" -> new Database(EmbeddedPostgres.builder().setServerConfig("max_connections", "100")
                        .start());
                default -> throw new IllegalArgumentException("h2, postgresql or both, not " + name);
            };
        }

        Map<String, String> environment() {
            return postgres == null ? Map.of() : Map.of(
                    "MOSAIC_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "MOSAIC_DB_USER", "postgres", "MOSAIC_DB_PASSWORD", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
