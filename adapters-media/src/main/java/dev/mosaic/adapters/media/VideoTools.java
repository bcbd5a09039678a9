package dev.mosaic.adapters.media;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The two programs video processing runs, configured ones first, then the first found on the PATH;
 * and {@code nice}, which lowers a transcode's priority where it is found.
 */
record VideoTools(Path ffmpeg, Path ffprobe, Optional<Path> nice) {
    static final String FFMPEG = "ffmpeg";
    static final String FFPROBE = "ffprobe";
    static final String NICE = "nice";

    VideoTools(Path ffmpeg, Path ffprobe) {
        this(ffmpeg, ffprobe, Optional.empty());
    }

    /**
     * @param environment the process environment, for {@code PATH}
     * @throws IllegalArgumentException when a configured program is not an executable file: a
     *                                  mistake to tell at start-up, not a reason to go without video
     */
    static Optional<VideoTools> locate(VideoSettings settings, Map<String, String> environment) {
        Optional<Path> nice = Programs.onPath(NICE, environment).map(Path::toAbsolutePath);
        return Programs.pair(FFMPEG, settings.ffmpeg(), FFPROBE, settings.ffprobe(), environment)
                .map(found -> new VideoTools(found.program(), found.companion(), nice));
    }
}
