package dev.mosaic.adapters.media;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The two programs video processing runs: configured ones first, then the first found on the PATH. */
record VideoTools(Path ffmpeg, Path ffprobe) {
    static final String FFMPEG = "ffmpeg";
    static final String FFPROBE = "ffprobe";

    /**
     * @param environment the process environment, for {@code PATH}
     * @throws IllegalArgumentException when a configured program is not an executable file: a
     *                                  mistake to tell at start-up, not a reason to go without video
     */
    static Optional<VideoTools> locate(VideoSettings settings, Map<String, String> environment) {
        settings.ffmpeg().ifPresent(program -> requireExecutable(program, "ffmpeg"));
        settings.ffprobe().ifPresent(program -> requireExecutable(program, "ffprobe"));
        Optional<Path> ffmpeg = settings.ffmpeg().or(() -> onPath(FFMPEG, environment));
        Optional<Path> ffprobe = settings.ffprobe()
                .or(() -> settings.ffmpeg().map(program -> program.resolveSibling(FFPROBE))
                        .filter(VideoTools::executable))
                .or(() -> onPath(FFPROBE, environment));
        return ffmpeg.flatMap(found -> ffprobe.map(probe -> new VideoTools(found.toAbsolutePath(),
                probe.toAbsolutePath())));
    }

    private static Optional<Path> onPath(String program, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(folder -> !folder.isBlank())
                .flatMap(folder -> resolve(folder, program).stream()).filter(VideoTools::executable).findFirst();
    }

    private static Optional<Path> resolve(String folder, String program) {
        try {
            return Optional.of(Path.of(folder, program));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean executable(Path program) {
        return Files.isRegularFile(program) && Files.isExecutable(program);
    }

    private static void requireExecutable(Path program, String name) {
        if (!executable(program)) {
            throw new IllegalArgumentException("the configured " + name + " " + program
                    + " is not an executable file");
        }
    }
}
