package dev.mosaic.adapters.storage.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Has the disk write a file's bytes while more arrive: every {@link #STEP} bytes, a flush of the file goes to a
 * background thread (at most one at a time per file; none while the thread is busy with another file's), so the
 * one {@code fsync} that the answer waits for finds little left to write. Without it, the whole body would
 * sit in the page cache until that last {@code fsync}, and receiving and writing would take turns.
 */
final class WriteBehind {
    static final long STEP = 16L * 1024 * 1024;

    private final FileChannel channel;
    private final Optional<Executor> flusher;
    private long unflushed;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    WriteBehind(FileChannel channel, Optional<Executor> flusher) {
        this.channel = channel;
        this.flusher = flusher;
    }

    void wrote(long bytes) {
        unflushed += bytes;
        if (unflushed >= STEP && inFlight.isDone() && flusher.isPresent()) {
            unflushed = 0;
            inFlight = CompletableFuture.runAsync(this::flush, flusher.get());
        }
    }

    /** Makes every byte written so far durable, once, on the caller's thread. */
    void finish() throws IOException {
        // a flush still queued is not needed any more; one running does no harm beside ours
        inFlight.cancel(false);
        channel.force(true);
    }

    private void flush() {
        try {
            channel.force(false);
        } catch (IOException e) {
            // the caller's own force at the end meets the same trouble and answers for it
            throw new UncheckedIOException(e);
        }
    }
}
