package dev.mosaic.adapters.media;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs ffmpeg under the supervisor: never interactive, quiet but for errors, on as many threads as
 * ffmpeg picks for the cores unless told a number, and for long work at a lower priority, so that
 * a transcode takes the cores nobody else wants rather than fewer of them. A failure that is the file's fault becomes a refusal; running too
 * long, being killed or running out of disk or memory is a passing trouble, thrown as such.
 */
final class Ffmpeg {
    private static final System.Logger LOG = System.getLogger(Ffmpeg.class.getName());
    private static final List<String> RESOURCE_TROUBLE = List.of("no space left on device",
            "cannot allocate memory", "resource temporarily unavailable", "too many open files");
    /** Exit codes above this mean a signal ended the process (128 + its number). */
    private static final int SIGNALLED = 128;

    /** How much lower than the server a transcode runs ({@code nice -n}): images and posters go first. */
    static final int TRANSCODE_NICENESS = 10;

    private final Path program;
    private final ProcessSupervisor supervisor;
    private final int threads;
    private final List<String> launcher;

    /**
     * @param threads  threads for decoding, filtering and encoding; 0 lets ffmpeg choose (one or more per core)
     * @param launcher what runs ffmpeg, before its own path: nothing, or {@code nice -n 10}
     */
    Ffmpeg(Path program, ProcessSupervisor supervisor, int threads, List<String> launcher) {
        this.program = program;
        this.supervisor = supervisor;
        this.threads = threads;
        this.launcher = List.copyOf(launcher);
    }

    Ffmpeg(Path program, ProcessSupervisor supervisor, int threads) {
        this(program, supervisor, threads, List.of());
    }

    /** The same ffmpeg started through {@code nice} at {@link #TRANSCODE_NICENESS}, when nice is there. */
    Ffmpeg lowerPriority(Optional<Path> nice) {
        return nice.map(found -> new Ffmpeg(program, supervisor, threads,
                List.of(found.toString(), "-n", Integer.toString(TRANSCODE_NICENESS)))).orElse(this);
    }

    /** {@code -threads N} where a number was set; nothing where ffmpeg chooses. */
    List<String> threadOptions() {
        return threads > 0 ? List.of("-threads", Integer.toString(threads)) : List.of();
    }

    /**
     * @param arguments   everything after the global options: inputs, outputs and their options
     * @param outputLines hears each line ffmpeg writes to its standard output (its progress, when asked)
     */
    void run(String purpose, List<String> arguments, Consumer<String> outputLines) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(program.toString(), "-nostdin", "-hide_banner", "-nostats", "-v", "error"));
        if (threads > 0) {
            command.addAll(List.of("-filter_threads", Integer.toString(threads)));
        }
        command.addAll(arguments);
        int exit;
        String errors;
        boolean timedOut;
        try (SupervisedProcess process = supervisor.start(command)) {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.process().getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    outputLines.accept(line);
                }
            }
            exit = process.waitFor();
            errors = process.errorTail();
            timedOut = process.timedOut();
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg " + program + " could not be run for the " + purpose, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ffmpeg made the " + purpose, e);
        }
        if (timedOut) {
            // a file that takes longer than the limit will take as long again: refuse it rather than
            // let it hold the transcode slot for every retry
            throw UnusableVideo.tooSlow("ffmpeg ran longer than " + supervisor.timeout() + " making the "
                    + purpose + " and was stopped");
        }
        if (exit != 0) {
            throw failure(purpose, exit, errors);
        }
    }

    private static RuntimeException failure(String purpose, int exit, String errors) {
        String lower = errors.toLowerCase(Locale.ROOT);
        if (exit > SIGNALLED || RESOURCE_TROUBLE.stream().anyMatch(lower::contains)) {
            return new IllegalStateException("ffmpeg failed making the " + purpose + " (exit " + exit + "): " + errors);
        }
        LOG.log(Level.DEBUG, "ffmpeg refused the {0} (exit {1}): {2}", purpose, exit, errors);
        return UnusableVideo.unreadable("ffmpeg cannot decode it to make the " + purpose);
    }
}
