package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UserId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends that meet on a user's counter wait for each other instead of failing or doubling a number. */
class EventCounterRaceTest {
    private static final UserId NEWCOMER = UserId.of(9);

    @TempDir
    Path folder;
    private PersistenceAdapter db;

    @BeforeEach
    void start() {
        db = H2Stores.startIn(folder);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void aSecondFirstAppendWaitsForTheOpenFirstOneAndTakesTwo() throws Exception {
        assertSecondAppendWaitsAndTakes(2);
    }

    @Test
    void aLaterAppendWaitsForAnOpenAppendAndTakesTheNextNumber() throws Exception {
        db.eventLog().append(NEWCOMER, update(100, 500, Stage.UPLOADING));

        assertSecondAppendWaitsAndTakes(3);
    }

    private void assertSecondAppendWaitsAndTakes(long expected) throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Long> holder = CompletableFuture.supplyAsync(() -> db.transactions().inTransaction(() -> {
            long sequence = db.eventLog().append(NEWCOMER, update(100, 500, Stage.PROCESSING));
            appended.countDown();
            await().atMost(Duration.ofSeconds(20)).until(() -> commit.getCount() == 0);
            return sequence;
        }));
        assertThat(appended.await(20, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            return db.eventLog().append(NEWCOMER, update(100, 500, Stage.READY));
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> waiter.get() != null
                && waiter.get().getState() != Thread.State.RUNNABLE || second.isDone());
        assertThat(second).isNotDone();
        commit.countDown();

        assertThat(holder.get(20, TimeUnit.SECONDS)).isEqualTo(expected - 1);
        assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(expected);
    }
}
