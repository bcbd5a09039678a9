package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.fake.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One test's world: a store on a fresh folder, served over HTTP, with a clock the test controls. */
final class LocalStorageFixture implements AutoCloseable {

    static final byte[] SIGNING_KEY = "a signing key of at least 32 bytes, for tests".getBytes(StandardCharsets.UTF_8);

    final Path root;
    final MutableClock clock = new MutableClock(Instant.now());
    final LocalDiskStorage storage;
    final HttpUploader http = new HttpUploader();
    private final SignedUrlTestServer server;
    private final ExecutorService diskFlusher = Executors.newSingleThreadExecutor();
    private final ExecutorService diskHasher = Executors.newFixedThreadPool(2);

    private LocalStorageFixture(Path root) throws IOException {
        this.root = root;
        this.server = new SignedUrlTestServer();
        this.storage = new LocalDiskStorage(new LocalStorageSettings(root, server.publicUrl(), SIGNING_KEY), clock,
                Optional.of(new DiskWorkers(diskFlusher, diskHasher)));
        server.serve(() -> storage);
    }

    static LocalStorageFixture on(Path root) throws IOException {
        return new LocalStorageFixture(root);
    }

    @Override
    public void close() {
        server.close();
        diskFlusher.shutdownNow();
        diskHasher.shutdown();
    }
}
