package dev.mosaic.adapters.media;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The wall time of each step of one image's way to a rendition, told in one DEBUG line so that a running node
 * shows where a thumbnail's time goes, and how much of it the thread was on a core. Costs two clock reads a step
 * when DEBUG is on, nothing when it is off.
 */
final class Steps {
    private static final System.Logger LOG = System.getLogger(Steps.class.getName());
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Steps OFF = new Steps(null);

    private final Consumer<String> sink;
    private final StringBuilder line = new StringBuilder();
    private long last;
    private long lastCpu;

    /** @param sink where each finished line goes; null to time nothing */
    Steps(Consumer<String> sink) {
        this.sink = sink;
        restart();
    }

    /** Starts the clock when DEBUG is on for this class. */
    static Steps start() {
        return LOG.isLoggable(Level.DEBUG) ? new Steps(text -> LOG.log(Level.DEBUG, text)) : OFF;
    }

    /** The step that just ended took the time since the last one ended (or since the start). */
    void done(String step) {
        if (sink == null) {
            return;
        }
        long now = System.nanoTime();
        long nowCpu = cpu();
        line.append(line.length() == 0 ? "" : ", ").append(step).append(' ').append(String.format(Locale.ROOT,
                "%.1f ms (cpu %.1f)", (now - last) / 1e6, (nowCpu - lastCpu) / 1e6));
        last = now;
        lastCpu = nowCpu;
    }

    /** Tells the steps so far as those of {@code what}, then starts over. */
    void log(String what) {
        if (sink == null) {
            return;
        }
        sink.accept(what + ": " + line);
        line.setLength(0);
        restart();
    }

    /** The time since the last step is nobody's: the next step starts now. */
    void restart() {
        if (sink != null) {
            last = System.nanoTime();
            lastCpu = cpu();
        }
    }

    private static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }
}
