package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecodeGateTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void aDecodePastTheLimitWaitsForATurn() throws Exception {
        DecodeGate gate = new DecodeGate(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> decodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            decodes.add(pool.submit(() -> gate.through(() -> {
                awaitUninterruptibly(release);
                return "decoded";
            })));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> gate.running() == 2 && gate.waiting() == 1);
        release.countDown();

        for (Future<String> decode : decodes) {
            assertThat(decode.get()).isEqualTo("decoded");
        }
        assertThat(gate.peakConcurrency()).isEqualTo(2);
        assertThat(gate.decodesStarted()).isEqualTo(3);
        assertThat(gate.running()).isZero();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailedDecodeGivesItsTurnBack() {
        DecodeGate gate = new DecodeGate(1);

        assertThatThrownBy(() -> gate.through(() -> {
            throw new IOException("broken file");
        })).isInstanceOf(IOException.class);

        String after = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> gate.through(() -> "decoded"));
        assertThat(after).isEqualTo("decoded");
    }
}
