package dev.mosaic.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Not a test: a {@code main} that starts one node in a JVM of its own (embedded defaults, {@value #NODE_JVM}),
 * opens N sockets to it from Node's {@code ws} package (one user each, a fixed number connecting at a time,
 * offering permessage-deflate as browsers do), reports the node's resident memory before and after, the
 * connects per second, and then, with every socket open, the time from each album's batch request to its
 * receiver's {@code chat_message}. See {@code bootstrap/BENCHMARK.md}.
 *
 * <p>Arguments: {@code [sockets=10000] [albums=200] [deflate=on|off] [reconnect|reconnect=<n>|once]}: with
 * {@code reconnect} (the default) every socket is dropped once all are open and opened again with {@code since} its
 * ready frame's {@code last_seq}, a client already current after a network blip, and those connects are timed too;
 * {@code reconnect=3} does that three times (the later waves show a node whose JIT has settled). Before the timed
 * albums it sends {@code -Dbenchmark.sockets.warmup} (default {@value #WARMUP_ALBUMS}) albums and reports them apart. The node's
 * JVM options are {@code -Dbenchmark.sockets.jvm} (default {@value #NODE_JVM}, README's recommendation).
 * {@code -Dbenchmark.sockets.pin=<node cpus>/<client cpus>} (e.g. {@code 0/1}) runs the node under
 * {@code taskset -c <node cpus>} and the Node client and this driver on the other list, so the two do not take
 * each other's core. Each wave reports its CPU time per connect on the node ({@code /proc/<pid>/stat}) and in
 * the client ({@code process.cpuUsage}), figures that load does not distort much. Needs {@code node} and
 * {@code npm} (it installs {@code ws} into a temporary folder).
 */
public final class SocketCrowdBenchmark {
    private static final int CONNECTING_AT_ONCE = 256;
    static final String NODE_JVM = "-Xmx160m";
    /** Albums sent before the timed ones, reported apart: a node's first albums run its album path interpreted. */
    private static final int WARMUP_ALBUMS = 50;

    private SocketCrowdBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sockets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int albums = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String deflate = args.length > 2 ? args[2] : "on";
        String reconnect = args.length > 3 ? args[3] : "reconnect";
        int warmup = Integer.getInteger("benchmark.sockets.warmup", WARMUP_ALBUMS);
        int reconnects = reconnect.equals("once") ? 0 : reconnect.equals("reconnect") ? 1
                : Integer.parseInt(reconnect.replace("reconnect=", ""));
        List<String> jvm = List.of(System.getProperty("benchmark.sockets.jvm", NODE_JVM).strip().split("\\s+"));
        Pinning pin = Pinning.parse(System.getProperty("benchmark.sockets.pin", ""));
        pin.self();
        if (pin.pinned() && jvm.stream().noneMatch(option -> option.matches("-XX:\\+Use\\w+GC"))) {
            // a JVM that sees one CPU picks the serial collector; measure the node with the one it runs elsewhere
            jvm = new ArrayList<>(jvm);
            jvm.add("-XX:+UseG1GC");
        }
        Path dir = Files.createTempDirectory("mosaic-socket-crowd-");
        String loadBefore = load();
        int port = freePort();
        Process server = startServer(dir, port, pin.node(jvmCommand(jvm)));
        int status = 0;
        try {
            HttpClient http = HttpClient.newHttpClient();
            awaitHealthy(http, port);
            long idleRss = rssKib(server.pid());
            Path tokens = dir.resolve("tokens.txt");
            StringBuilder lines = new StringBuilder();
            for (int user = 1; user <= sockets; user++) {
                lines.append(user).append(' ').append(RunningMosaic.token(user)).append('\n');
            }
            Files.writeString(tokens, lines);
            Path script = installClient(dir);

            Map<Long, Long> arrivals = new ConcurrentHashMap<>();
            CountDownLatch connected = new CountDownLatch(1);
            CountDownLatch reconnected = new CountDownLatch(reconnects);
            AtomicReference<String> summary = new AtomicReference<>();
            List<String> again = Collections.synchronizedList(new ArrayList<>());
            Process client = new ProcessBuilder(pin.client(List.of("node", script.toString(),
                    "ws://127.0.0.1:" + port + "/api/v1/ws", tokens.toString(), Integer.toString(CONNECTING_AT_ONCE),
                    deflate, Integer.toString(reconnects)))).directory(dir.toFile())
                    .redirectError(dir.resolve("client.err").toFile()).start();
            NodeCpu cpu = new NodeCpu(server.pid());
            Thread reader = new Thread(() -> read(client.getInputStream(), arrivals, connected, summary, reconnected,
                    again, cpu, sockets), "socket-crowd-reader");
            reader.setDaemon(true);
            reader.start();
            await(connected, 15, server, dir, "the sockets did not all settle in 15 minutes");
            Thread.sleep(1_000);
            long connectedRss = rssKib(server.pid());
            String memory = jcmd(server.pid(), "VM.native_memory", "summary");
            await(reconnected, 15L * Math.max(1, reconnects), server, dir,
                    "the sockets did not all reconnect in 15 minutes");
            Thread.sleep(2_000);
            long reconnectedRss = rssKib(server.pid());

            Map<Long, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> order = new ArrayList<>();
            Random random = new Random(15);
            double albumsFrom = Double.NaN;
            for (int i = 0; i < warmup + albums; i++) {
                if (i == warmup) {
                    albumsFrom = nodeUptimeSeconds(server);
                }
                long receiver = 1 + random.nextInt(sockets);
                long sender = sockets + 1L + i;
                long start = System.nanoTime();
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/files/upload/"))
                        .header("Authorization", "Bearer " + RunningMosaic.token(sender))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"receiver_id": %d, "text": "hi", "attachments": [{"file_name": "a.pdf",
                                 "file_size": 9, "content_type": "application/pdf", "kind": "file"}]}"""
                                .formatted(receiver))).build(), HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("album " + i + " answered " + created.statusCode() + ": "
                            + created.body());
                }
                JsonNode body = RunningMosaic.JSON.readTree(created.body());
                sentAt.put(body.get("message_id").asLong(), start);
                order.add(body.get("message_id").asLong());
                Thread.sleep(20);
            }
            double albumsTo = nodeUptimeSeconds(server);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!arrivals.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long afterRss = rssKib(server.pid());
            List<Double> millis = new ArrayList<>();
            List<Double> cold = new ArrayList<>();
            List<String> slowest = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                Long arrived = arrivals.get(order.get(i));
                if (arrived != null) {
                    double took = (arrived - sentAt.get(order.get(i))) / 1e6;
                    if (i < warmup) {
                        cold.add(took);
                    } else {
                        millis.add(took);
                        slowest.add(String.format(Locale.ROOT, "%08.1f ms #%d", took, i + 1 - warmup));
                    }
                }
            }
            Collections.sort(millis);
            Collections.sort(cold);
            slowest.sort(Collections.reverseOrder());
            String histogram = jcmd(server.pid(), "GC.class_histogram");
            Files.writeString(dir.resolve("histogram.txt"), histogram);
            client.getOutputStream().close();
            client.waitFor(30, TimeUnit.SECONDS);

            System.out.printf(Locale.ROOT, "%s; load average before %s, after %s%n", Instant.now(), loadBefore, load());
            System.out.printf(Locale.ROOT, "node %s; client: Node %s, ws, permessage-deflate offered: %s; %s%n",
                    String.join(" ", jvm), nodeVersion(), deflate, pin);
            System.out.printf(Locale.ROOT, "sockets: %s (%d at a time)%n", summary.get(), CONNECTING_AT_ONCE);
            System.out.println("first wave: " + cpu.wave("connected", summary.get(), sockets) + " (goal >= 2000/s)");
            System.out.println("  the node's CPU by thread: " + cpu.threads("connected"));
            for (int wave = 0; wave < again.size(); wave++) {
                System.out.printf(Locale.ROOT, "reconnect wave %d (every socket dropped, opened again with since ="
                        + " last_seq): %s%n", wave + 1, again.get(wave));
            }
            if (!again.isEmpty()) {
                System.out.println("node RSS after the reconnects: " + reconnectedRss / 1024 + " MiB");
            }
            System.out.printf(Locale.ROOT, "node RSS: %d MiB idle, %d MiB with %d sockets (%.1f KiB a socket),"
                            + " %d MiB after the albums (goal <= 512 MiB)%n", idleRss / 1024, connectedRss / 1024,
                    sockets, (connectedRss - idleRss) / (double) sockets, afterRss / 1024);
            System.out.println("where the node's memory was with the sockets open (Native Memory Tracking; zlib's own"
                    + " allocations are not in it):");
            memory.lines().filter(line -> line.matches("(Total|-\\s+(Java Heap|Class|Thread|Code|GC|Internal|Other"
                    + "|Arena Chunk|Metaspace|NIO)).*")).map(String::strip).forEach(line -> System.out.println("  " + line));
            if (warmup > 0) {
                System.out.printf(Locale.ROOT, "album -> receiver's chat_message, the node's first %d albums (its"
                                + " album path not compiled yet; %d arrived, not in the figures below): p50 %.1f ms,"
                                + " max %.1f ms%n", warmup, cold.size(), percentile(cold, 0.50),
                        percentile(cold, 1.0));
            }
            System.out.printf(Locale.ROOT, "album -> receiver's chat_message, %d albums (%d arrived): p50 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms (goal p99 <= 50 ms)%n", albums, millis.size(),
                    percentile(millis, 0.50), percentile(millis, 0.99), percentile(millis, 1.0));
            System.out.printf(Locale.ROOT, "  the timed ones sent from %.1f s to %.1f s of the node's uptime (as -Xlog:gc*::uptime stamps it)%n",
                    albumsFrom, albumsTo);
            System.out.println("  the slowest (album number in sending order): " + slowest.stream().limit(5)
                    .map(line -> line.replaceFirst("^0+(?=\\d)", "")).toList());
            System.out.println("live heap with the sockets open, the largest classes (jcmd GC.class_histogram):");
            histogram.lines().skip(1).limit(14).forEach(line -> System.out.println("  " + line.strip()));
            histogram.lines().filter(line -> line.startsWith("Total")).forEach(line -> System.out.println("  " + line));
            System.out.println("the whole histogram, the node's log and the client's errors: " + dir);
        } catch (Exception failed) {
            // printed here: exiting in finally would swallow it
            failed.printStackTrace();
            status = 1;
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            System.exit(status);
        }
    }

    private static List<String> jvmCommand(List<String> jvm) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvm);
        command.addAll(List.of("-XX:NativeMemoryTracking=summary", "-cp", System.getProperty("java.class.path"),
                "dev.mosaic.bootstrap.Main"));
        return command;
    }

    private static Process startServer(Path dir, int port, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile());
        builder.environment().put("MOSAIC_PORT", Integer.toString(port));
        builder.environment().put("MOSAIC_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("MOSAIC_JWT_SECRET", RunningMosaic.SECRET);
        return builder.start();
    }

    private static void awaitHealthy(HttpClient http, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the node did not become healthy in 120 s");
    }

    /** Copies the client script beside a fresh {@code node_modules/ws} (npm, from the registry). */
    private static Path installClient(Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve("socket-crowd.mjs");
        try (InputStream in = SocketCrowdBenchmark.class.getResourceAsStream("/benchmark/socket-crowd.mjs")) {
            Files.copy(in, script);
        }
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent", "ws@8")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("npm.log").toFile())
                .start();
        if (npm.waitFor() != 0) {
            throw new IllegalStateException("npm install ws failed: " + Files.readString(dir.resolve("npm.log")));
        }
        return script;
    }

    /** Waits for the latch, and gives up at once if the node dies meanwhile (a crashed node never counts it down). */
    private static void await(CountDownLatch latch, long minutes, Process server, Path dir, String timedOut)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        while (!latch.await(1, TimeUnit.SECONDS)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the node exited with " + server.exitValue() + ": see "
                        + dir.resolve("node.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(timedOut);
            }
        }
    }

    private static void read(InputStream out, Map<Long, Long> arrivals, CountDownLatch connected,
                             AtomicReference<String> summary, CountDownLatch reconnected,
                             List<String> again, NodeCpu cpu, int sockets) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("connecting") || line.equals("reconnecting")) {
                    cpu.mark(line);
                } else if (line.startsWith("connected ")) {
                    cpu.mark("connected");
                    summary.set(line);
                    connected.countDown();
                } else if (line.startsWith("reconnected ")) {
                    cpu.mark("reconnected");
                    again.add(line + "\n  " + cpu.wave("reconnected", line, sockets) + "\n  the node's CPU by thread: "
                            + cpu.threads("reconnected"));
                    reconnected.countDown();
                } else if (line.startsWith("message ")) {
                    String[] parts = line.split(" ");
                    arrivals.putIfAbsent(Long.parseLong(parts[2]), Long.parseLong(parts[3]));
                }
            }
        } catch (IOException closed) {
            // the client is gone
        }
    }

    private static double percentile(List<Double> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * fraction) - 1));
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    private static double nodeUptimeSeconds(Process node) {
        return node.info().startInstant().map(start -> Duration.between(start, Instant.now()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String nodeVersion() throws IOException, InterruptedException {
        Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        version.waitFor();
        return text;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
