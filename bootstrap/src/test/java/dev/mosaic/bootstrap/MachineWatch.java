package dev.mosaic.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * What else went on in a benchmark's time window: the CPU this process used, the CPU every process of the machine
 * used ({@code /proc/stat}), and the garbage collector's pauses and concurrent phases (JFR, in this process).
 * Everything is on {@link System#nanoTime()}'s clock.
 */
final class MachineWatch implements AutoCloseable {
    private static final long NANOS_PER_JIFFY = 10_000_000L;

    private final Recording recording = new Recording();
    private final long wallMinusNanos;
    private final List<Gc> gcs = new ArrayList<>();

    /** A snapshot of the counters. */
    record Sample(long nanos, long processCpuNanos, long machineBusyNanos) {
    }

    /** A GC pause or concurrent phase, on the nanoTime clock. */
    record Gc(long start, long end, boolean pause, String what) {
    }

    /** What happened between two samples, in ms. */
    record Window(double processCpu, double otherCpu, double gcPause, double gcConcurrent) {
    }

    MachineWatch() {
        Instant now = Instant.now();
        wallMinusNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
        recording.enable("jdk.GarbageCollection").withThreshold(Duration.ZERO);
        recording.enable("jdk.GCPhaseConcurrent").withThreshold(Duration.ZERO);
        recording.start();
    }

    static Sample sample() {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Sample(System.nanoTime(), cpu, machineBusyJiffies() * NANOS_PER_JIFFY);
    }

    /** Stops recording and reads what the collector did. */
    void stop() {
        try {
            recording.stop();
            Path file = Files.createTempFile("mosaic-benchmark-gc-", ".jfr");
            try {
                recording.dump(file);
                for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                    String type = event.getEventType().getName();
                    if (!type.equals("jdk.GarbageCollection") && !type.equals("jdk.GCPhaseConcurrent")) {
                        continue;
                    }
                    boolean pause = type.equals("jdk.GarbageCollection");
                    long start = nanos(event.getStartTime());
                    long end = pause ? start + event.getDuration("sumOfPauses").toNanos() : nanos(event.getEndTime());
                    gcs.add(new Gc(start, end, pause, pause ? event.getString("cause") : event.getString("name")));
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Between {@code from} and {@code to}; call after {@link #stop()}. */
    Window between(Sample from, Sample to) {
        double process = (to.processCpuNanos() - from.processCpuNanos()) / 1e6;
        double machine = (to.machineBusyNanos() - from.machineBusyNanos()) / 1e6;
        double pause = 0;
        double concurrent = 0;
        for (Gc gc : gcs) {
            long overlap = Math.min(gc.end(), to.nanos()) - Math.max(gc.start(), from.nanos());
            if (overlap > 0) {
                if (gc.pause()) {
                    pause += overlap / 1e6;
                } else {
                    concurrent += overlap / 1e6;
                }
            }
        }
        return new Window(process, Math.max(0, machine - process), pause, concurrent);
    }

    List<Gc> gcs() {
        return List.copyOf(gcs);
    }

    private long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano() - wallMinusNanos;
    }

    /** The first line of /proc/stat: every CPU's time, less idle and iowait, in jiffies (1/100 s). */
    private static long machineBusyJiffies() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        recording.close();
    }
}
