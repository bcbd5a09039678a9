package dev.mosaic.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One photo's span from the completion call to {@code thumbnail_ready} on the socket, cut into steps by the node's
 * DEBUG lines ({@link PhaseLog}): the completion until its job is queued, the wait for a worker, the job's setup,
 * each image step (read, scan count, decode, fit, ThumbHash, encode), storing the thumbnail, the stage change's
 * transaction, and delivery over the socket.
 */
final class ThumbnailPhases {
    static final List<String> NAMES = List.of("queued", "pickup", "prepare", "sniff", "read", "scans", "decode",
            "fit", "thumbhash", "encode", "store", "commit", "deliver", "image cpu");
    private static final Pattern STEP = Pattern.compile("(\\w+) (\\d+\\.\\d) ms \\(cpu (\\d+\\.\\d)\\)");

    private ThumbnailPhases() {
    }

    /**
     * The steps of {@code asset}, in milliseconds, in the order of {@link #NAMES}; empty when a line is missing
     * (a retry, a job taken by polling after the run).
     */
    static Optional<Map<String, Double>> of(PhaseLog log, long asset, long started, long received) {
        String prefix = "asset " + asset + " ";
        Optional<PhaseLog.Line> queued = log.first(started, line -> line.message().equals(prefix
                + "queued for processing"));
        Optional<PhaseLog.Line> claimed = log.first(started, line -> line.message().startsWith(prefix + "claimed by"));
        Optional<PhaseLog.Line> copied = log.first(started, line -> line.message().equals(prefix + "copy at hand"));
        Optional<PhaseLog.Line> stored = log.first(started, line -> line.message().equals(prefix
                + "thumbnail stored"));
        Optional<PhaseLog.Line> committed = log.first(started, line -> line.message().equals(prefix
                + "thumbnail_ready committed"));
        if (queued.isEmpty() || claimed.isEmpty() || copied.isEmpty() || stored.isEmpty() || committed.isEmpty()) {
            return Optional.empty();
        }
        String worker = claimed.get().thread();
        Optional<PhaseLog.Line> image = log.first(copied.get().nanos(), line -> line.thread().equals(worker)
                && line.message().startsWith("thumbnail of "));
        if (image.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> steps = new LinkedHashMap<>();
        steps.put("queued", millis(started, queued.get().nanos()));
        steps.put("pickup", millis(queued.get().nanos(), claimed.get().nanos()));
        steps.put("prepare", millis(claimed.get().nanos(), copied.get().nanos()));
        Map<String, Double> imageSteps = new LinkedHashMap<>();
        double imageCpu = 0;
        Matcher step = STEP.matcher(image.get().message());
        while (step.find()) {
            imageSteps.put(step.group(1), Double.parseDouble(step.group(2)));
            imageCpu += Double.parseDouble(step.group(3));
        }
        double imageTotal = imageSteps.values().stream().mapToDouble(Double::doubleValue).sum();
        steps.put("sniff", millis(copied.get().nanos(), image.get().nanos()) - imageTotal);
        for (String name : List.of("read", "scans", "decode", "fit", "thumbhash", "encode")) {
            steps.put(name, imageSteps.getOrDefault(name, 0.0));
        }
        steps.put("store", millis(image.get().nanos(), stored.get().nanos()));
        steps.put("commit", millis(stored.get().nanos(), committed.get().nanos()));
        steps.put("deliver", millis(committed.get().nanos(), received));
        steps.put("image cpu", imageCpu);
        return Optional.of(steps);
    }

    /** When the previous asset's preview was written, if it was after {@code started}: the overlap, in ms. */
    static double previewOverlap(PhaseLog log, long started) {
        return log.all().stream().filter(line -> line.message().startsWith("preview of "))
                .mapToLong(PhaseLog.Line::nanos).filter(nanos -> nanos > started)
                .mapToDouble(nanos -> millis(started, nanos)).min().orElse(0);
    }

    /** The previews' wall and CPU time since {@code since}, p50, from their DEBUG lines. */
    static String previews(PhaseLog log, long since) {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (PhaseLog.Line line : log.all()) {
            if (line.nanos() >= since && line.message().startsWith("preview of ")) {
                Matcher step = STEP.matcher(line.message());
                double lineWall = 0;
                double lineCpu = 0;
                while (step.find()) {
                    lineWall += Double.parseDouble(step.group(2));
                    lineCpu += Double.parseDouble(step.group(3));
                }
                wall.add(lineWall);
                cpu.add(lineCpu);
            }
        }
        if (wall.isEmpty()) {
            return "no preview lines";
        }
        return String.format(Locale.ROOT, "previews (after thumbnail_ready): p50 %.1f ms wall, %.1f ms cpu, %d of them",
                percentile(wall.stream().sorted().toList(), 0.5), percentile(cpu.stream().sorted().toList(), 0.5),
                wall.size());
    }

    /** Per step, p50 and p90 over the runs. */
    static List<String> summary(List<Map<String, Double>> runs) {
        List<String> rows = new ArrayList<>();
        for (String name : NAMES) {
            List<Double> values = runs.stream().map(run -> run.get(name)).sorted().toList();
            rows.add(String.format(Locale.ROOT, "  %-10s p50 %6.1f ms  p90 %6.1f ms  max %6.1f ms", name,
                    percentile(values, 0.5), percentile(values, 0.9), values.get(values.size() - 1)));
        }
        return rows;
    }

    static double percentile(List<Double> sorted, double fraction) {
        if (fraction == 0.5) {
            return sorted.get(sorted.size() / 2);
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * fraction) - 1));
    }

    static String row(Map<String, Double> steps) {
        StringBuilder row = new StringBuilder();
        for (String name : NAMES) {
            row.append(String.format(Locale.ROOT, " %6.1f", steps.get(name)));
        }
        return row.toString();
    }

    static String header() {
        StringBuilder header = new StringBuilder();
        for (String name : NAMES) {
            header.append(String.format(Locale.ROOT, " %6.6s", name));
        }
        return header.toString();
    }

    private static double millis(long from, long to) {
        return (to - from) / 1e6;
    }
}
