package dev.mosaic.adapters.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How ffmpeg and ffprobe are told to read an upload: as a local file of ours through the {@code file}
 * protocol only, with the container's own demuxer and no other (so no playlist, concat or image
 * sequence demuxer can be reached, not even from inside the file), and with bounded probing.
 */
final class InputOptions {
    static final long PROBE_BYTES = 5_000_000;
    static final long ANALYZE_MICROS = 10_000_000;
    static final int MAX_STREAMS = 32;

    private InputOptions() {
    }

    /** The options that go before the input, for either program. */
    static List<String> reading(Container container) {
        List<String> options = new ArrayList<>(List.of(
                "-f", container.demuxer(),
                "-format_whitelist", container.demuxer(),
                "-protocol_whitelist", "file",
                "-probesize", Long.toString(PROBE_BYTES),
                "-analyzeduration", Long.toString(ANALYZE_MICROS),
                "-max_streams", Integer.toString(MAX_STREAMS)));
        if (container == Container.MOV) {
            // QuickTime data references may name other files; ffmpeg ignores them unless asked, and is told not to
            options.addAll(List.of("-enable_drefs", "0"));
        }
        return options;
    }

    /** A time as ffmpeg reads it: seconds with three decimals. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    /**
     * Our own file, spelled so that nothing in its name can be taken for another protocol or an
     * option: an absolute path behind {@code file:}.
     */
    static String url(Path file) {
        return "file:" + file.toAbsolutePath().normalize();
    }
}
