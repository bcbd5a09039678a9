package dev.mosaic.adapters.storage.local;

import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The buffers a PUT reads its body into, and their MD5, computed on another thread while the request thread reads
 * and writes the next buffer. MD5 runs at about 700 MB/s on one core: on the request thread it took half of a
 * large PUT's time. The buffers are hashed in the order they were filled (each hash waits for the one before),
 * and a buffer is read into again only once it is hashed, so memory stays at {@link #BUFFERS} buffers per PUT.
 */
final class DigestBehind {
    /** One being hashed while the request thread reads and writes the other. */
    static final int BUFFERS = 2;

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final MessageDigest md5 = Streams.md5();
    private final Executor hasher;
    private final byte[][] buffers;
    private final CompletableFuture<?>[] hashed;
    private CompletableFuture<?> last = DONE;
    private int next;

    /** Without a hasher, or for a body that fits one buffer, the MD5 is computed on the request thread. */
    DigestBehind(long length, Optional<Executor> hasher) {
        boolean behind = hasher.isPresent() && length > Streams.BUFFER;
        this.hasher = behind ? inlineWhenRefused(hasher.get()) : Runnable::run;
        this.buffers = new byte[behind ? BUFFERS : 1][];
        this.hashed = new CompletableFuture<?>[buffers.length];
    }

    /** The buffer to read into next: its earlier bytes hashed, allocated on first use so a small body takes one. */
    byte[] buffer() {
        if (hashed[next] != null) {
            hashed[next].join();
        }
        if (buffers[next] == null) {
            buffers[next] = new byte[Streams.BUFFER];
        }
        return buffers[next];
    }

    /** Hands the first {@code length} bytes of the buffer from {@link #buffer()} on to be hashed. */
    void hash(int length) {
        byte[] buffer = buffers[next];
        last = last.thenRunAsync(() -> md5.update(buffer, 0, length), hasher);
        hashed[next] = last;
        next = (next + 1) % buffers.length;
    }

    /** The ETag S3 answers for the bytes hashed: their MD5 in hex, quoted. */
    String etag() {
        last.join();
        return Streams.quotedEtag(md5);
    }

    /** A node shutting down refuses new work; the hash is then computed where it was asked for, never skipped. */
    private static Executor inlineWhenRefused(Executor hasher) {
        return task -> {
            try {
                hasher.execute(task);
            } catch (RejectedExecutionException shuttingDown) {
                task.run();
            }
        };
    }
}
