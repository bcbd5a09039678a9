package dev.mosaic.adapters.storage.local;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Threads beside the request's on which a large PUT has work done while its bytes arrive.
 *
 * @param flusher has the disk write the bytes received so far ({@link WriteBehind}); one thread is enough
 * @param hasher  computes the body's MD5, its ETag, while the request thread reads on ({@link DigestBehind});
 *                as many threads as cores, since each concurrent PUT keeps one busy while its bytes flow
 */
public record DiskWorkers(Executor flusher, Executor hasher) {
    public DiskWorkers {
        Objects.requireNonNull(flusher, "flusher");
        Objects.requireNonNull(hasher, "hasher");
    }
}
