package dev.mosaic.adapters.media;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts ffmpeg, ffprobe and libvips' programs from argument vectors, never through a shell, with nothing on their
 * standard input, and stops any that runs past the wall-clock timeout together with every process
 * it started.
 */
final class ProcessSupervisor {
    private final Duration timeout;

    ProcessSupervisor(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    SupervisedProcess start(List<String> command) throws IOException {
        return start(command, Map.of());
    }

    /** @param environment variables set for this process on top of ours */
    SupervisedProcess start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        SupervisedProcess supervised = new SupervisedProcess(process);
        try {
            // nothing to read, so nothing to wait for: ffprobe has no -nostdin, and this does its work for both
            process.getOutputStream().close();
        } catch (IOException e) {
            supervised.close();
            throw e;
        }
        process.onExit().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((exited, error) -> {
            if (error instanceof TimeoutException) {
                supervised.stopForRunningTooLong();
            }
        });
        return supervised;
    }
}
