package dev.mosaic.adapters.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestBehindTest {
    private static final int BUFFER = Streams.BUFFER;
    /** Around every edge a body meets: empty, one buffer, one buffer and a byte, more buffers than are kept. */
    private static final long[] LENGTHS = {0, 1, BUFFER - 1, BUFFER, BUFFER + 1, 2L * BUFFER,
        DigestBehind.BUFFERS * (long) BUFFER + 7, 23L * BUFFER + 12_345};

    @TempDir
    Path root;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theEtagIsTheMd5OfTheBodyWhenHashedOnAPoolOfThreads() throws IOException {
        for (long length : LENGTHS) {
            assertThat(copied(length, Optional.of(pool))).as("%d bytes", length).isEqualTo(md5Of(length));
        }
    }

    @Test
    void theEtagIsTheSameWithoutAHasher() throws IOException {
        for (long length : LENGTHS) {
            assertThat(copied(length, Optional.empty())).as("%d bytes", length).isEqualTo(md5Of(length));
        }
    }

    @Test
    void aHasherThatRefusesWorkWhileTheNodeStopsLeavesTheHashToTheRequestThread() throws IOException {
        pool.shutdown();
        long length = 5L * BUFFER + 3;

        assertThat(copied(length, Optional.of(pool))).isEqualTo(md5Of(length));
    }

    @Test
    void aHasherThatStartsRefusingMidBodyStillHashesEveryBufferInOrder() throws IOException {
        AtomicInteger accepted = new AtomicInteger();
        Executor refusingAfterThree = task -> {
            if (accepted.incrementAndGet() > 3) {
                throw new RejectedExecutionException("stopping");
            }
            pool.execute(task);
        };
        long length = 9L * BUFFER + 5;

        assertThat(copied(length, Optional.of(refusingAfterThree))).isEqualTo(md5Of(length));
        assertThat(accepted).hasValueGreaterThan(3);
    }

    @Test
    void aBodyReusesItsFewBuffersAndASmallOneTakesOnlyOne() {
        Set<byte[]> large = Collections.newSetFromMap(new IdentityHashMap<>());
        DigestBehind largeBody = new DigestBehind(100L * BUFFER, Optional.of(Runnable::run));
        for (int i = 0; i < 10 * DigestBehind.BUFFERS; i++) {
            large.add(largeBody.buffer());
            largeBody.hash(BUFFER);
        }
        Set<byte[]> small = Collections.newSetFromMap(new IdentityHashMap<>());
        DigestBehind smallBody = new DigestBehind(BUFFER, Optional.of(Runnable::run));
        for (int i = 0; i < 3; i++) {
            small.add(smallBody.buffer());
            smallBody.hash(10);
        }

        assertThat(large).hasSize(DigestBehind.BUFFERS);
        assertThat(small).hasSize(1);
    }

    @Test
    void readingWaitsForTheHasherOnceEveryBufferAwaitsHashing() throws Exception {
        List<Runnable> queued = Collections.synchronizedList(new ArrayList<>());
        Executor holding = queued::add;
        DigestBehind digest = new DigestBehind(100L * BUFFER, Optional.of(holding));
        byte[] first = digest.buffer();
        digest.hash(BUFFER);
        for (int i = 1; i < DigestBehind.BUFFERS; i++) {
            digest.buffer();
            digest.hash(BUFFER);
            assertThat(queued).as("hashes handed on, not yet run: each waits for the one before").hasSize(1);
        }

        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(digest::buffer, pool);
        Thread.sleep(100);
        assertThat(reader).as("a buffer before its bytes are hashed").isNotDone();
        // the hashes run one after another: each, once done, hands on the next
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }

        assertThat(reader.get(10, TimeUnit.SECONDS)).isSameAs(first);
    }

    private String copied(long length, Optional<Executor> hasher) throws IOException {
        Path file = Files.createTempFile(root, "body", ".bin");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            DigestBehind digest = new DigestBehind(length, hasher);
            long copied = Streams.copy(new GeneratedStream(length), out, new WriteBehind(out, Optional.empty()),
                    digest, length + 1);
            assertThat(copied).isEqualTo(length);
            assertThat(Files.size(file)).isEqualTo(length);
            return digest.etag();
        }
    }

    private static String md5Of(long length) throws IOException {
        MessageDigest md5 = Streams.md5();
        try (InputStream in = new GeneratedStream(length)) {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, read);
            }
        }
        return '"' + HexFormat.of().formatHex(md5.digest()) + '"';
    }
}
