package dev.mosaic.adapters.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running ffmpeg, ffprobe or libvips program. Its error output is drained on a thread of its own (so the
 * program never blocks on a full pipe) and the last few kilobytes are kept for the logs.
 */
final class SupervisedProcess implements AutoCloseable {
    private static final int ERROR_TAIL_BYTES = 4096;

    private final Process process;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final byte[] errorTail = new byte[ERROR_TAIL_BYTES];
    private final Thread errorDrain;
    private int errorLength;

    SupervisedProcess(Process process) {
        this.process = process;
        this.errorDrain = new Thread(this::drainErrors, "tool-stderr-" + process.pid());
        errorDrain.setDaemon(true);
        errorDrain.start();
    }

    Process process() {
        return process;
    }

    /** Waits for the program to end and its error output to be read; answers the exit code. */
    int waitFor() throws InterruptedException {
        int exit = process.waitFor();
        errorDrain.join();
        return exit;
    }

    boolean timedOut() {
        return timedOut.get();
    }

    synchronized String errorTail() {
        return new String(errorTail, 0, errorLength, StandardCharsets.UTF_8).strip();
    }

    void stopForRunningTooLong() {
        timedOut.set(true);
        killTree(process.toHandle());
    }

    /** Children first, while they can still be found from their parent, then the parent. */
    static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            killTree(process.toHandle());
        }
    }

    private void drainErrors() {
        byte[] buffer = new byte[1024];
        try (InputStream errors = process.getErrorStream()) {
            for (int read = errors.read(buffer); read >= 0; read = errors.read(buffer)) {
                keep(buffer, read);
            }
        } catch (IOException e) {
            // the process is gone; what was read is all there is
        }
    }

    private synchronized void keep(byte[] buffer, int length) {
        if (length >= ERROR_TAIL_BYTES) {
            System.arraycopy(buffer, length - ERROR_TAIL_BYTES, errorTail, 0, ERROR_TAIL_BYTES);
            errorLength = ERROR_TAIL_BYTES;
            return;
        }
        int overflow = Math.max(0, errorLength + length - ERROR_TAIL_BYTES);
        System.arraycopy(errorTail, overflow, errorTail, 0, errorLength - overflow);
        System.arraycopy(buffer, 0, errorTail, errorLength - overflow, length);
        errorLength = errorLength - overflow + length;
    }
}
