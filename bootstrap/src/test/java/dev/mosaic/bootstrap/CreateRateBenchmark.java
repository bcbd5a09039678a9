package dev.mosaic.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.adapters.persistence.PersistenceSettings;
import io.javalin.Javalin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * Not a test: a {@code main} that loads {@code POST /api/v1/files/upload/} with {@code wrk} (the guide's three
 * files, 32 connections) on a node on its embedded defaults (H2) and on one on PostgreSQL (embedded, with its own
 * durable defaults), and in the same run a bare Javalin app parsing the same body and answering 201. The crowd is
 * 2,000 distinct senders in pairs, each sending to its partner (distinct receivers, as a crowd of chats is); a
 * second line sends every album of the same 2,000 senders to one hot receiver (user 42), whose event counter then
 * serialises the creates. Then both at 2 connections for the latencies, and the node alone at one connection
 * creating a 4 GiB video in 820 parts (100 part URLs signed in the answer). Every phase also reports this JVM's
 * CPU time per request. See {@code bootstrap/BENCHMARK.md}.
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
    private static final long HOT_RECEIVER = 42;

    private CreateRateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> databases = args.length > 1 && !args[1].equals("both") ? List.of(args[1])
                : List.of("h2", "postgresql");
        Path dir = Files.createTempDirectory("mosaic-create-benchmark-");
        Path body = Files.writeString(dir.resolve("body.json"), BODY);
        Path film = Files.writeString(dir.resolve("film.json"), FILM);
        Map<Long, String> tokens = new HashMap<>();
        Wrk albums = Wrk.pairs(dir, tokens, 1, SENDERS);
        Wrk hot = Wrk.toOne(dir, tokens, 1, SENDERS, HOT_RECEIVER);
        Wrk warmers = Wrk.pairs(dir, tokens, WARMERS, SENDERS);
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
                Wrk films = Wrk.toOne(dir, tokens, 1_000_000L * (run + 1), SENDERS, HOT_RECEIVER);
                try (Database db = Database.start(database);
                     RunningMosaic node = new RunningMosaic(dir.resolve("data-" + database),
                             nodeEnvironment(db, dir.resolve("data-" + database)))) {
                    prime(node, albums);
                    warm(database, node.mosaic.port(), bare.port(), warmers, body, film, run);
                    serverCpu = db.serverCpu();
                    serverKernel = db.serverKernel();
                    // the JIT may still compile for seconds in the first measured phase (up to 6 s of a 10-s PostgreSQL
                    // crowd phase, counted in this JVM's CPU): -Dbenchmark.create.repeat=N measures N times on the
                    // same node, each against its own bare run, the profile (if wanted) in the last
                    int repeats = Integer.getInteger("benchmark.create.repeat", 1);
                    for (int repeat = 1; repeat <= repeats; repeat++) {
                        report.append(measure(database, node.mosaic.port(), bare.port(), albums, hot, films, body,
                                film, seconds, repeat == repeats ? db.profile() : null));
                    }
                }
            }
        } finally {
            bare.stop();
            Samples.deleteTree(dir);
        }
        System.out.print(report);
        System.exit(0);
    }

    private static String measure(String database, int mosaic, int bare, Wrk albums, Wrk hot, Wrk films, Path body,
                                  Path film, int seconds, PostgresProfile profile)
            throws IOException, InterruptedException {
        String loadBefore = load();
        Phase bareRun = phase("bare-c32", () -> albums.post(bare, PATH, body, 32, seconds));
        if (profile != null) {
            profile.start(seconds);
        }
        Phase mosaicRun = phase(database + "-c32", () -> albums.post(mosaic, PATH, body, 32, seconds));
        String profiled = profile == null ? "" : profile.stop();
        Phase hotRun = phase(database + "-c32-hot", () -> hot.post(mosaic, PATH, body, 32, seconds));
        Phase bareTwo = phase("bare-c2", () -> albums.post(bare, PATH, body, 2, seconds));
        Phase mosaicTwo = phase(database + "-c2", () -> albums.post(mosaic, PATH, body, 2, seconds));
        Phase filmRun = phase(database + "-film", () -> films.post(mosaic, PATH, film, 1, seconds));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s, %s, pool %s; load average before %s, after %s%n", Instant.now(),
                database, System.getProperty("benchmark.create.pool", "default"), loadBefore, load()));
        out.append(String.format(Locale.ROOT,
                "batch create (the guide's 3 files), %s, wrk %d s; CPU = this JVM's CPU time per request%n",
                database, seconds));
        out.append(String.format(Locale.ROOT,
                "-c32 crowd (%d senders in pairs, distinct receivers): mosaic %.0f req/s, %s; "
                        + "bare Javalin %.0f req/s, CPU %.0f us: %.1f %% (goal >= 10 %%)%n",
                SENDERS, mosaicRun.perSecond(), mosaicRun.cpu(), bareRun.perSecond(),
                bareRun.cpuMicrosPerRequest(), 100 * mosaicRun.perSecond() / bareRun.perSecond()));
        out.append(String.format(Locale.ROOT,
                "-c32 one hot receiver (the same senders, every album to user %d): mosaic %.0f req/s, %s: "
                        + "%.1f %% of bare%n",
                HOT_RECEIVER, hotRun.perSecond(), hotRun.cpu(),
                100 * hotRun.perSecond() / bareRun.perSecond()));
        out.append(String.format(Locale.ROOT,
                "-c2 crowd: mosaic p50 %s, p99 %s (goal p99 <= 20 ms), %s; bare p50 %s, p99 %s, CPU %.0f us%n",
                mosaicTwo.wrk().p50(), mosaicTwo.wrk().p99(), mosaicTwo.cpu(), bareTwo.wrk().p50(),
                bareTwo.wrk().p99(), bareTwo.cpuMicrosPerRequest()));
        out.append(String.format(Locale.ROOT,
                "4 GiB video in 820 parts, -c1: %.0f req/s, p50 %s, p99 %s (goal <= 5 ms), %s%n",
                filmRun.perSecond(), filmRun.wrk().p50(), filmRun.wrk().p99(), filmRun.cpu()));
        out.append(String.format(Locale.ROOT, "non-2xx answers: mosaic %s / %s / %s / %s%n",
                mosaicRun.wrk().non2xx(), hotRun.wrk().non2xx(), mosaicTwo.wrk().non2xx(), filmRun.wrk().non2xx()));
        return out.append(profiled).toString();
    }

    /**
     * The database's variables, quotas no run reaches, and {@code MOSAIC_DB_POOL_SIZE} from
     * {@code -Dbenchmark.create.pool} if set. No album is ever completed, so each sender's pending uploads grow by three
     * an album: at the default limit of 100 a fast run's last phases were partly cheap 429s, counted as creates.
     */
    private static Map<String, String> nodeEnvironment(Database db, Path data) {
        Map<String, String> environment = new HashMap<>(db.environment());
        String h2 = System.getProperty("benchmark.create.h2-settings");
        if (h2 != null && environment.isEmpty()) {
            environment.put("MOSAIC_DB_URL", PersistenceSettings.h2File(data).jdbcUrl() + ";" + h2);
        }
        environment.put("MOSAIC_QUOTA_PENDING_UPLOADS", "1000000");
        environment.put("MOSAIC_QUOTA_ALBUMS_PER_DAY", "10000000");
        environment.put("MOSAIC_QUOTA_PENDING_BYTES", String.valueOf(Long.MAX_VALUE / 2));
        String pool = System.getProperty("benchmark.create.pool");
        if (pool != null) {
            environment.put("MOSAIC_DB_POOL_SIZE", pool);
        }
        return environment;
    }

    /**
     * One album from each of the crowd's senders to its partner, with the token wrk then sends, before anything is
     * measured: every user has the event counter a real user has long had (a user's first event starts it: four
     * statements more on H2, once, none on PostgreSQL), and the node has seen each token once, as it has a returning client's.
     */
    private static void prime(RunningMosaic node, Wrk crowd) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (Wrk.Sender sender : crowd.senders) {
                String body = BODY.replace("\"receiver_id\": 42", "\"receiver_id\": " + sender.receiver());
                sent.add(threads.submit(() -> node.send(HttpRequest.newBuilder(node.url(PATH))
                        .header("Authorization", "Bearer " + sender.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode()));
            }
            for (Future<Integer> status : sent) {
                if (status.get() != 201) {
                    throw new IllegalStateException("priming create answered " + status.get());
                }
            }
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Load {
        Wrk.Result run() throws IOException, InterruptedException;
    }

    /**
     * A phase's figures, with this JVM's CPU time per request (on a shared machine, a steadier figure) and the
     * PostgreSQL server's (its postmaster and backends; zero on H2, whose work is in this JVM's).
     */
    private record Phase(Wrk.Result wrk, double cpuMicrosPerRequest, double serverMicrosPerRequest,
                         double nodeKernelShare, double serverKernelShare) {
        double perSecond() {
            return wrk.perSecond();
        }

        /** The CPU per request, with the share of it the kernel spent (system time: the sockets, the scheduler). */
        String cpu() {
            String node = String.format(Locale.ROOT, "CPU %.0f us (kernel %.0f %%)", cpuMicrosPerRequest,
                    100 * nodeKernelShare);
            return serverMicrosPerRequest == 0 ? node : String.format(Locale.ROOT,
                    "%s + PostgreSQL server %.0f us (kernel %.0f %%)", node, serverMicrosPerRequest,
                    100 * serverKernelShare);
        }
    }

    /** The current database server's CPU time so far, in nanoseconds (0 for H2). */
    private static LongSupplier serverCpu = () -> 0;
    /** The part of {@link #serverCpu} spent in the kernel. */
    private static LongSupplier serverKernel = () -> 0;

    /**
     * Runs every phase's load, unmeasured, until the JIT has settled. A cold anchor (compiling while it runs) costs
     * four times its warm CPU per request, and after one round of five seconds the compiler threads still took 10–35 %
     * of the machine through the measured phases (C2 recompiling H2's and Mosaic's hot methods after
     * deoptimisations): CPU that a node running for hours does not spend, counted against the create. The warm-up's
     * albums come from 2,000 other senders (from user {@value #WARMERS}, pairs, to user 42 and films): no album is
     * ever completed, so after a warm-up each of its senders has hundreds of pending uploads, which a real sender (100
     * at most by default) never has and which the quota read walks; the measured crowd starts as it always did.
     * Settled: the compilers worked less than {@value #SETTLED_JIT_SHARE} of a round's wall time, or
     * {@code -Dbenchmark.create.warm-rounds} rounds (default {@value #WARM_ROUNDS}) have run.
     */
    private static void warm(String database, int mosaic, int bare, Wrk warmers, Path body, Path film, int run)
            throws IOException, InterruptedException {
        Wrk hot = Wrk.toOne(body.getParent(), new HashMap<>(), WARMERS, SENDERS, HOT_RECEIVER);
        Wrk films = Wrk.toOne(body.getParent(), new HashMap<>(), 5_000_000L * (run + 1), SENDERS, HOT_RECEIVER);
        int rounds = Integer.getInteger("benchmark.create.warm-rounds", WARM_ROUNDS);
        for (int i = 1; i <= rounds; i++) {
            long jitBefore = JIT.getTotalCompilationTime();
            long start = System.nanoTime();
            warmers.post(bare, PATH, body, 32, 5);
            warmers.post(mosaic, PATH, body, 32, 5);
            hot.post(mosaic, PATH, body, 32, 3);
            warmers.post(bare, PATH, body, 2, 3);
            warmers.post(mosaic, PATH, body, 2, 3);
            films.post(mosaic, PATH, film, 1, 2);
            double share = (JIT.getTotalCompilationTime() - jitBefore) * 1e6 / (System.nanoTime() - start);
            System.out.printf(Locale.ROOT, "warm %s round %d: JIT compiling %.1f %% of the wall time%n", database, i,
                    100 * share);
            if (share < SETTLED_JIT_SHARE) {
                return;
            }
        }
    }

    private static final long WARMERS = 10_001;
    private static final int WARM_ROUNDS = 8;
    private static final double SETTLED_JIT_SHARE = 0.05;

    private static Phase phase(String name, Load load) throws IOException, InterruptedException {
        Instant start = Instant.now();
        long cpuBefore = CPU.getProcessCpuTime();
        long kernelBefore = nodeKernelTicks();
        long serverBefore = serverCpu.getAsLong();
        long serverKernelBefore = serverKernel.getAsLong();
        long jitBefore = JIT.getTotalCompilationTime();
        Wrk.Result result = load.run();
        long cpu = CPU.getProcessCpuTime() - cpuBefore;
        long kernel = (nodeKernelTicks() - kernelBefore) * NANOS_PER_TICK;
        long server = serverCpu.getAsLong() - serverBefore;
        long serverKernelSpent = serverKernel.getAsLong() - serverKernelBefore;
        long jit = JIT.getTotalCompilationTime() - jitBefore;
        Instant end = Instant.now();
        System.out.printf(Locale.ROOT, "phase %s %s %s, JIT compiling %d ms%n", name, start, end, jit);
        double requests = Math.max(1, result.perSecond() * Duration.between(start, end).toNanos() / 1e9);
        return new Phase(result, cpu / 1e3 / requests, server / 1e3 / requests, share(kernel, cpu),
                share(serverKernelSpent, server));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.min(1, (double) part / whole);
    }

    /** Clock ticks of 10 ms, as {@code /proc} counts CPU time. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** This JVM's system time so far, in clock ticks ({@code /proc/self/stat}'s 15th field). */
    private static long nodeKernelTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]);
    }

    private static final java.lang.management.CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

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
                case "postgresql" -> {
                    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                            .setServerConfig("max_connections", "100");
                    yield new Database(
                            (PostgresProfile.wanted() ? PostgresProfile.configure(builder) : builder).start());
                }
                default -> throw new IllegalArgumentException("h2, postgresql or both, not " + name);
            };
        }

        Map<String, String> environment() {
            return postgres == null ? Map.of() : Map.of(
                    "MOSAIC_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "MOSAIC_DB_USER", "postgres", "MOSAIC_DB_PASSWORD", "postgres");
        }

        /**
         * The server's CPU time so far: its postmaster's (with that of backends that ended) and each running
         * backend's, from {@code /proc} (clock ticks of 10 ms).
         */
        LongSupplier serverCpu() {
            if (postgres == null) {
                return () -> 0;
            }
            long postmaster = postmaster();
            return () -> serverTicks(postmaster, false) * NANOS_PER_TICK;
        }

        /** The part of {@link #serverCpu} spent in the kernel (system time). */
        LongSupplier serverKernel() {
            if (postgres == null) {
                return () -> 0;
            }
            long postmaster = postmaster();
            return () -> serverTicks(postmaster, true) * NANOS_PER_TICK;
        }

        /** With {@code -Dbenchmark.create.pg-profile=true} on PostgreSQL, its profile of the crowd's phase. */
        PostgresProfile profile() {
            if (postgres == null || !PostgresProfile.wanted()) {
                return null;
            }
            PostgresProfile profile = new PostgresProfile(postgres, postmaster());
            profile.install();
            return profile;
        }

        private long postmaster() {
            long postmaster;
            try (var connection = postgres.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement();
                 var result = statement.executeQuery("SHOW data_directory")) {
                result.next();
                postmaster = Long.parseLong(Files.readAllLines(Path.of(result.getString(1), "postmaster.pid")).get(0)
                        .strip());
            } catch (java.sql.SQLException | IOException unreadable) {
                throw new IllegalStateException("cannot find the PostgreSQL server's process", unreadable);
            }
            return postmaster;
        }

        /**
         * The server's CPU so far (only its system time when {@code kernelOnly}): its processes' own, and that of the
         * ones that ended, counted by the postmaster.
         */
        private static long serverTicks(long postmaster, boolean kernelOnly) {
            long ticks = 0;
            for (long[] process : PostgresProfile.serverProcesses(postmaster).values()) {
                ticks += (kernelOnly ? 0 : process[1]) + process[2];
                if (process[0] == postmaster) {
                    ticks += (kernelOnly ? 0 : process[3]) + process[4];
                }
            }
            return ticks;
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
