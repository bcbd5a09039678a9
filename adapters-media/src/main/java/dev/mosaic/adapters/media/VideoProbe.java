package dev.mosaic.adapters.media;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.bramp.ffmpeg.FFmpegException;
import net.bramp.ffmpeg.FFprobe;
import net.bramp.ffmpeg.ProcessFunction;
import net.bramp.ffmpeg.builder.FFprobeBuilder;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;

/**
 * Asks ffprobe (through ffmpeg-cli-wrapper, which builds the command and reads the JSON answer)
 * what an upload holds. The wrapper starts its processes through our supervisor, so the same
 * timeout and hardened input options apply as to ffmpeg itself.
 */
final class VideoProbe {
    private static final System.Logger LOG = System.getLogger(VideoProbe.class.getName());

    private final Path ffprobe;
    private final ProcessSupervisor supervisor;

    VideoProbe(Path ffprobe, ProcessSupervisor supervisor) {
        this.ffprobe = ffprobe;
        this.supervisor = supervisor;
    }

    /** The raw findings; {@link ProbeReading} turns them into facts and refusals. */
    FFmpegProbeResult probe(Container container, Path input) {
        Launches launches = new Launches(supervisor);
        try {
            FFprobe program = new FFprobe(ffprobe.toString(), launches);
            FFprobeBuilder builder = program.builder().setInput(InputOptions.url(input)).setShowChapters(false)
                    .addExtraArgs(arguments(container));
            return program.probe(builder);
        } catch (FFmpegException | JsonParseException e) {
            if (launches.timedOut()) {
                throw ranTooLong(e);
            }
            LOG.log(Level.DEBUG, "ffprobe refused {0}: {1}", input, launches.errorTail());
            throw UnusableVideo.unreadable("it cannot be read as a " + container.demuxer() + " video: "
                    + reason(e));
        } catch (IOException | RuntimeException e) {
            if (launches.timedOut()) {
                throw ranTooLong(e);
            }
            throw new IllegalStateException("ffprobe " + ffprobe + " could not be run: " + e.getMessage(), e);
        } finally {
            launches.close();
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FFmpegException failed && failed.getError() != null && failed.getError().string != null) {
            return failed.getError().string;
        }
        return "ffprobe gave no usable answer";
    }

    private IllegalStateException ranTooLong(Exception e) {
        return new IllegalStateException("ffprobe ran longer than " + supervisor.timeout() + " and was stopped", e);
    }

    private static String[] arguments(Container container) {
        List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-v", "error"));
        arguments.addAll(InputOptions.reading(container));
        return arguments.toArray(String[]::new);
    }

    /** Every process the wrapper starts for one probe: its version check and the probe itself. */
    private static final class Launches implements ProcessFunction, AutoCloseable {
        private final ProcessSupervisor supervisor;
        private final List<SupervisedProcess> started = new ArrayList<>();

        Launches(ProcessSupervisor supervisor) {
            this.supervisor = supervisor;
        }

        @Override
        public Process run(List<String> command) throws IOException {
            SupervisedProcess process = supervisor.start(command);
            started.add(process);
            return process.process();
        }

        boolean timedOut() {
            return started.stream().anyMatch(SupervisedProcess::timedOut);
        }

        String errorTail() {
            if (started.isEmpty()) {
                return "";
            }
            SupervisedProcess last = started.get(started.size() - 1);
            try {
                last.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return last.errorTail();
        }

        @Override
        public void close() {
            started.forEach(SupervisedProcess::close);
        }
    }
}
