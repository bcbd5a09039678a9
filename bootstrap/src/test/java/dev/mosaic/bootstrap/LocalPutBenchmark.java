package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Not a test: a {@code main} that PUTs one large file (1 GiB by default) to a running node's local store,
 * as one part of a multipart upload, with {@code curl}, and in the same run copies the same file to the same
 * file system with {@code dd bs=1M conv=fsync}, alternating; prints the ratio of their speeds and the heap
 * the node used while receiving. See {@code bootstrap/BENCHMARK.md}.
 *
 * <p>Arguments: {@code [runs=3] [mebibytes=1024]}.
 */
public final class LocalPutBenchmark {
    private static final long MIB = 1024 * 1024;

    private LocalPutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long size = (args.length > 1 ? Long.parseLong(args[1]) : 1024) * MIB;
        Path dataDir = Files.createTempDirectory("mosaic-put-benchmark-");
        String loadBefore = load();
        List<Double> puts = new ArrayList<>();
        List<Double> dds = new ArrayList<>();
        long peakHeap = 0;
        try (RunningMosaic server = new RunningMosaic(dataDir)) {
            Path file = randomFile(dataDir.resolve("input.bin"), size);
            for (int run = 0; run < runs; run++) {
                dds.add(dd(file, dataDir.resolve("dd-copy.bin")));
                String url = partUrl(server, size);
                System.gc();
                heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
                puts.add(curlPut(url, file));
                peakHeap = Math.max(peakHeap, heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
            }
        } finally {
            Samples.deleteTree(dataDir);
        }
        double put = median(puts);
        double dd = median(dds);
        System.out.printf(Locale.ROOT, "%s; load average before %s, after %s%n", Instant.now(), loadBefore, load());
        System.out.printf(Locale.ROOT, "%d MiB, %d runs each, alternating; PUT (curl -T, one part) %s ms; dd bs=1M"
                + " conv=fsync %s ms%n", size / MIB, runs, puts, dds);
        System.out.printf(Locale.ROOT, "median PUT %.0f ms (%.0f MB/s), dd %.0f ms (%.0f MB/s): PUT speed / dd speed"
                + " %.2f (goal >= 0.9)%n", put, size / put / 1000, dd, size / dd / 1000, dd / put);
        System.out.printf(Locale.ROOT, "node's peak heap while receiving: %d MiB (the file: %d MiB)%n", peakHeap / MIB,
                size / MIB);
        System.exit(0);
    }

    private static String partUrl(RunningMosaic server, long size) {
        JsonNode upload = json(server.post("/api/v1/files/upload/", 1, """
                {"receiver_id": 2, "attachments": [{"file_name": "big.bin", "file_size": %d,
                 "content_type": "application/octet-stream", "kind": "file",
                 "client_part_size": %d, "client_num_parts": 1}]}""".formatted(size, size))).get("uploads").get(0);
        return upload.get("batch").get("items").get(0).get("url").asText();
    }

    private static double curlPut(String url, Path file) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process curl = new ProcessBuilder("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Expect:",
                "-T", file.toString(), url).redirectErrorStream(true).start();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        curl.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (!status.equals("200")) {
            throw new IllegalStateException("the PUT answered " + status);
        }
        return millis;
    }

    private static double dd(Path file, Path copy) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process dd = new ProcessBuilder("dd", "if=" + file, "of=" + copy, "bs=1M", "conv=fsync")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (dd.waitFor() != 0) {
            throw new IllegalStateException("dd failed");
        }
        double millis = (System.nanoTime() - start) / 1e6;
        Files.delete(copy);
        return millis;
    }

    private static Path randomFile(Path file, long size) throws IOException {
        byte[] block = new byte[(int) MIB];
        Random random = new Random(15);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return file;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
