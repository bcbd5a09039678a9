package dev.mosaic.adapters.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Short clips made by ffmpeg from its own test sources (lavfi {@code testsrc2} and {@code sine}). */
final class Clips {
    static final VideoTools TOOLS = VideoTools.locate(VideoSettings.defaults(), System.getenv())
            .orElseThrow(() -> new IllegalStateException("these tests need ffmpeg and ffprobe on the PATH"));
    static final String LOCATION = "+48.8577+002.2950/";

    private Clips() {
    }

    /** H.264 (4:2:0) and AAC in MP4, index at the end as cameras write it. */
    static Path h264Aac(Path file, int width, int height, double seconds, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k"));
        arguments.addAll(List.of(extra));
        return make(file, width, height, seconds, arguments);
    }

    /** The same, carrying where it was shot the two ways phones write it. */
    static Path withLocation(Path file, int width, int height, double seconds) {
        return h264Aac(file, width, height, seconds, "-metadata", "location=" + LOCATION,
                "-metadata", "com.apple.quicktime.location.ISO6709=" + LOCATION, "-movflags", "use_metadata_tags");
    }

    /**
     * HEVC 10-bit with BT.2020 primaries and an HDR transfer ({@code arib-std-b67} is HLG,
     * {@code smpte2084} is PQ) and AAC in QuickTime, as an iPhone records.
     */
    static Path hdrMov(Path file, int width, int height, double seconds, String transfer) {
        return make(file, width, height, seconds, List.of("-c:v", "libx265", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p10le", "-x265-params",
                "colorprim=bt2020:transfer=" + transfer + ":colormatrix=bt2020nc:log-level=error",
                "-color_primaries", "bt2020", "-color_trc", transfer, "-colorspace", "bt2020nc", "-tag:v", "hvc1",
                "-c:a", "aac", "-b:a", "64k", "-f", "mov"));
    }

    /** The mean saturation ({@code signalstats}' SATAVG) over every frame of a video's first stream. */
    static double meanSaturation(Path file) {
        String printed = output(List.of("-i", file.toString(), "-map", "0:v:0", "-vf",
                "signalstats,metadata=mode=print:key=lavfi.signalstats.SATAVG:file=-", "-f", "null", "-"));
        return printed.lines().filter(line -> line.startsWith("lavfi.signalstats.SATAVG="))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf('=') + 1)))
                .average().orElseThrow(() -> new AssertionError("no saturation measured in " + file));
    }

    /** VP8 and Opus in WebM, as browsers record. */
    static Path webm(Path file, int width, int height, double seconds) {
        return make(file, width, height, seconds, List.of("-c:v", "libvpx", "-deadline", "realtime",
                "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus", "-b:a", "48k", "-f", "webm"));
    }

    /** MPEG-4 part 2 and PCM in AVI. */
    static Path avi(Path file, int width, int height, double seconds) {
        return make(file, width, height, seconds, List.of("-c:v", "mpeg4", "-q:v", "5", "-c:a", "pcm_s16le",
                "-f", "avi"));
    }

    /** A copy of an MP4 whose player is told to turn the picture by {@code degrees}. */
    static Path rotated(Path source, Path file, int degrees) {
        run(List.of("-i", source.toString(), "-map", "0", "-c", "copy",
                "-metadata:s:v:0", "rotate=" + degrees, file.toString()));
        return file;
    }

    private static Path make(Path file, int width, int height, double seconds, List<String> encoding) {
        List<String> arguments = new ArrayList<>(List.of(
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-shortest"));
        arguments.addAll(encoding);
        arguments.add(file.toString());
        run(arguments);
        return file;
    }

    /** A hash of the video stream's packets as stored: equal for two files only when one is a copy of the other. */
    static String videoPacketsHash(Path file) {
        return output(List.of("-i", file.toString(), "-map", "0:v:0", "-c", "copy", "-f", "md5", "-")).strip();
    }

    static void run(List<String> arguments) {
        output(arguments);
    }

    private static String output(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(TOOLS.ffmpeg().toString(), "-nostdin", "-v", "error",
                "-y", "-threads", "2"));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ffmpeg failed in a test: " + command);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Settings that find ffmpeg where these tests found it. */
    static MediaSettings settings(VideoSettings video) {
        return MediaSettings.defaults().withVideo(video.withFfmpeg(TOOLS.ffmpeg()).withFfprobe(TOOLS.ffprobe()));
    }

    /** The test machine's own {@code PATH}, as bootstrap hands it over from the environment. */
    static String searchPath() {
        return System.getenv().getOrDefault("PATH", "");
    }

    static Map<String, String> noPath() {
        return Map.of("PATH", "");
    }
}
