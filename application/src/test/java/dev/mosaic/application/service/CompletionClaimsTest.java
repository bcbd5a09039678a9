package dev.mosaic.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.InMemoryLeases;
import dev.mosaic.application.fake.MutableClock;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.domain.AssetId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CompletionClaimsTest {

    final InMemoryLeases leases = new InMemoryLeases();
    final MutableClock clock = MutableClock.at("2026-11-24T09:00:00Z");
    final CompletionClaims claims = new CompletionClaims(leases, clock);
    final AssetId asset = AssetId.of(7);

    @Test
    void concurrentCompletionsRunTheWorkOnceAndAllAnswerItsResult() throws Exception {
        AtomicReference<String> result = new AtomicReference<>();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstIsWorking = new CountDownLatch(1);
        CountDownLatch letItFinish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> claims.exclusively(asset,
                        () -> Optional.ofNullable(result.get()),
                        () -> {
                            runs.incrementAndGet();
                            firstIsWorking.countDown();
                            await(letItFinish);
                            result.set("processing");
                            return "processing";
                        }), threads));
                if (i == 0) {
                    assertThat(firstIsWorking.await(10, TimeUnit.SECONDS)).isTrue();
                }
            }
            Thread.sleep(200);
            letItFinish.countDown();

            for (CompletableFuture<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("processing");
            }
            assertThat(runs).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theClaimIsFreeAgainAfterTheWorkEvenWhenItFailed() {
        assertThatThrownBy(() -> claims.exclusively(asset, Optional::empty, () -> {
            throw new IllegalStateException("refused parts");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(claims.exclusively(asset, Optional::<String>empty, () -> "second try")).isEqualTo("second try");
    }

    @Test
    void whatIsAlreadySettledOnceTheClaimIsOursIsAnsweredWithoutWorking() {
        assertThat(claims.exclusively(asset, () -> Optional.of("ready"), () -> "worked")).isEqualTo("ready");
    }

    @Test
    void aClaimHeldTooLongTellsTheClientToTryAgain() {
        leases.tryAcquire("complete-7", "a-stuck-request", clock.instant(), Duration.ofHours(1));

        CompletionClaims impatient = new CompletionClaims(leases, clock, Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.exclusively(asset, Optional::empty, () -> "never"))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("completion_in_progress"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
