package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.MediaProcessor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentUploadsTest {
    private static final int UPLOADS = 6;
    private final ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);

    @TempDir
    Path root;

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void manyUploadsAtOnceDecodeNoMoreThanTheLimitAtATime() throws Exception {
        DecodeGate gate = new DecodeGate(2);
        MediaProcessor processor = new MediaProcessorByKind(new ImageProcessor(
                MediaSettings.defaults().withMaxConcurrentDecodes(2), gate, ImageEncoders.best()));
        byte[] jpeg = Images.jpeg(Images.photo(3000, 2000));
        Uploads uploads = new Uploads(root);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Uploads.Result>> results = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return uploads.image(processor, "image/jpeg", jpeg);
            }));
        }

        start.countDown();

        for (Future<Uploads.Result> result : results) {
            assertThat(result.get().preview().width()).isEqualTo(1280);
        }
        assertThat(gate.decodesStarted()).isEqualTo(UPLOADS);
        assertThat(gate.peakConcurrency()).isBetween(1, 2);
    }
}
