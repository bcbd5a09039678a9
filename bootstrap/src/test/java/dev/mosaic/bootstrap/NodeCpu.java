package dev.mosaic.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process's CPU time (user + system, every thread, from {@code /proc/<pid>/stat}) at named moments, and a
 * connect wave's cost from it: CPU per connect does not move with the machine's load the way connects per second
 * do.
 */
final class NodeCpu {
    private static final Pattern WALL = Pattern.compile(" ms (\\d+) ");
    private static final Pattern CLIENT_CPU = Pattern.compile(" cpu (\\d+) ");

    private final long pid;
    private final long ticksPerSecond = ticksPerSecond();
    private final Map<String, Long> marks = new ConcurrentHashMap<>();
    private final Map<String, Long> systemMarks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> threadMarks = new ConcurrentHashMap<>();

    NodeCpu(long pid) {
        this.pid = pid;
    }

    void mark(String name) {
        String stat = stat();
        marks.put(name, ticksIn(stat));
        systemMarks.put(name, systemTicksIn(stat));
        threadMarks.put(name, threadTicks());
    }

    /** Where the node's CPU went in the wave that ended at {@code end}: by thread kind, the largest first. */
    String threads(String end) {
        Map<String, Long> after = threadMarks.getOrDefault(end, Map.of());
        Map<String, Long> before = threadMarks.getOrDefault(start(end), Map.of());
        Map<String, Long> byKind = new java.util.TreeMap<>();
        after.forEach((thread, ticks) -> byKind.merge(thread.substring(thread.indexOf(' ') + 1),
                ticks - before.getOrDefault(thread, 0L), Long::sum));
        return byKind.entrySet().stream().filter(kind -> kind.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(kind -> String.format(Locale.ROOT, "%s %d ms", kind.getKey(),
                        kind.getValue() * 1000 / ticksPerSecond))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String start(String end) {
        return end.equals("connected") ? "connecting" : "reconnecting";
    }

    /**
     * The wave that ended at {@code end} ("connected" or "reconnected"), from the client's last line of it:
     * connects per second, and CPU milliseconds per connect on the node and in the client.
     */
    String wave(String end, String clientLine, int connects) {
        String start = start(end);
        long wallMs = number(WALL, clientLine);
        long clientMs = number(CLIENT_CPU, clientLine);
        double nodeMs = (marks.getOrDefault(end, 0L) - marks.getOrDefault(start, 0L)) * 1000.0 / ticksPerSecond;
        double nodePer = nodeMs / connects;
        double systemMs = (systemMarks.getOrDefault(end, 0L) - systemMarks.getOrDefault(start, 0L)) * 1000.0
                / ticksPerSecond;
        double clientPer = (double) clientMs / connects;
        return String.format(Locale.ROOT, "%d connects in %d ms: %.0f connects/s; CPU per connect: node %.3f ms"
                        + " (%.0f%% of it in the kernel; %.0f%% of a core while it ran), client %.3f ms (%.0f%%); at a"
                        + " full core each, the node alone would take ~%.0f connects/s, the client ~%.0f", connects,
                wallMs, connects * 1000.0 / wallMs, nodePer, 100 * systemMs / nodeMs, 100 * nodeMs / wallMs, clientPer,
                100.0 * clientMs / wallMs, 1.0 / nodePer * 1000, 1.0 / clientPer * 1000);
    }

    private String stat() {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
    }

    /** Each live thread's ticks, keyed "<tid> <name with its digits dropped>" (a pool's threads are one kind). */
    private Map<String, Long> threadTicks() {
        Map<String, Long> threads = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+", "#");
                    threads.put(task.getFileName() + " " + name, ticksIn(stat));
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
        return threads;
    }

    private static long ticksIn(String stat) {
        return userTicksIn(stat) + systemTicksIn(stat);
    }

    // after the command: state is field 3, utime 14, stime 15
    private static long userTicksIn(String stat) {
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[11]);
    }

    private static long systemTicksIn(String stat) {
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]);
    }

    private static long number(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in the client's line: " + line);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String text = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            getconf.waitFor();
            return Long.parseLong(text);
        } catch (IOException | NumberFormatException unknown) {
            return 100;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
