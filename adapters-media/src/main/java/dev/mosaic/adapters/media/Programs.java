package dev.mosaic.adapters.media;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the external programs media processing runs: a configured path, a sibling of one, or the PATH. */
final class Programs {

    private Programs() {
    }

    /** A program and the companion it is run with (ffmpeg and ffprobe, vips and vipsheader), as absolute paths. */
    record Pair(Path program, Path companion) {
    }

    /**
     * A program and its companion: each configured one first, then the companion beside a configured program,
     * then each on the {@code PATH}. Empty when either is not found.
     *
     * @throws IllegalArgumentException when a configured program is not an executable file
     */
    static Optional<Pair> pair(String program, Optional<Path> configured, String companion,
            Optional<Path> configuredCompanion, Map<String, String> environment) {
        configured.ifPresent(path -> requireExecutable(path, program));
        configuredCompanion.ifPresent(path -> requireExecutable(path, companion));
        Optional<Path> found = configured.or(() -> onPath(program, environment));
        Optional<Path> foundCompanion = configuredCompanion
                .or(() -> beside(configured, companion))
                .or(() -> onPath(companion, environment));
        return found.flatMap(path -> foundCompanion.map(other -> new Pair(path.toAbsolutePath(),
                other.toAbsolutePath())));
    }

    /** The first executable {@code program} in the folders of the environment's {@code PATH}. */
    static Optional<Path> onPath(String program, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(folder -> !folder.isBlank())
                .flatMap(folder -> resolve(folder, program).stream()).filter(Programs::executable).findFirst();
    }

    /** {@code program} in the folder of {@code sibling}, when it is there and executable. */
    static Optional<Path> beside(Optional<Path> sibling, String program) {
        return sibling.map(found -> found.resolveSibling(program)).filter(Programs::executable);
    }

    static boolean executable(Path program) {
        return Files.isRegularFile(program) && Files.isExecutable(program);
    }

    /**
     * @throws IllegalArgumentException when a configured program is not an executable file: a
     *                                  mistake to tell at start-up, not a reason to go without it
     */
    static void requireExecutable(Path program, String name) {
        if (!executable(program)) {
            throw new IllegalArgumentException("the configured " + name + " " + program
                    + " is not an executable file");
        }
    }

    private static Optional<Path> resolve(String folder, String program) {
        try {
            return Optional.of(Path.of(folder, program));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
