package dev.mosaic.adapters.media;

import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Turns ffmpeg's {@code -progress} output ({@code out_time_us=…} lines) into percentages of the
 * video's duration: 0 when transcoding starts, then each step of at least five points, then 100
 * once ffmpeg has finished. Never more than 99 before the end, never backwards.
 */
final class TranscodeProgress implements Consumer<String> {
    static final int STEP = 5;
    private static final String OUT_TIME = "out_time_us=";

    private final OptionalLong durationMillis;
    private final IntConsumer listener;
    private int reported = -1;

    TranscodeProgress(OptionalLong durationMillis, IntConsumer listener) {
        this.durationMillis = durationMillis;
        this.listener = listener;
    }

    void started() {
        report(0);
    }

    @Override
    public void accept(String line) {
        if (!line.startsWith(OUT_TIME) || durationMillis.isEmpty() || durationMillis.getAsLong() <= 0) {
            return;
        }
        long micros;
        try {
            micros = Long.parseLong(line.substring(OUT_TIME.length()).trim());
        } catch (NumberFormatException e) {
            return; // "N/A" until the first frame is out
        }
        long percent = Math.max(0, micros) / 10 / durationMillis.getAsLong();
        int bounded = (int) Math.min(99, percent);
        if (bounded >= reported + STEP) {
            report(bounded);
        }
    }

    void finished() {
        if (reported < 100) {
            report(100);
        }
    }

    private void report(int percent) {
        reported = percent;
        listener.accept(percent);
    }
}
