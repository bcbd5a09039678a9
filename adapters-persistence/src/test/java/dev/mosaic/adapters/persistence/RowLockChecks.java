package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static dev.mosaic.application.fake.Fixtures.moved;
import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetMove;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UploadQuota;
import dev.mosaic.domain.UploadUsage;
import dev.mosaic.domain.UserId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two writers that meet on one row: the second waits for the first transaction, then decides on what it
 * left behind (READ COMMITTED re-reads the row), so no number is doubled and no change of an asset is lost:
 * the album's row lock is the one guard of an asset's change.
 */
abstract class RowLockChecks {
    private static final UserId NEWCOMER = UserId.of(9);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private PersistenceAdapter db;

    /** A new, empty database for this test. */
    protected abstract PersistenceSettings newDatabase(int maxPoolSize);

    /** True once this thread's statement waits for a lock another transaction holds. */
    protected abstract boolean waitsForALock(Thread thread);

    @BeforeEach
    void start() {
        db = PersistenceAdapter.start(newDatabase(4));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void aSecondFirstAppendWaitsForTheOpenFirstOneAndTakesTwo() throws Exception {
        Race<Long> race = race(() -> db.eventLog().append(NEWCOMER, update(100, 500, Stage.PROCESSING)),
                () -> db.eventLog().append(NEWCOMER, update(100, 500, Stage.READY)), true);

        assertThat(race.first()).isEqualTo(1);
        assertThat(race.second()).isEqualTo(2);
    }

    @Test
    void aLaterAppendWaitsForAnOpenAppendAndTakesTheNextNumber() throws Exception {
        db.eventLog().append(NEWCOMER, update(100, 500, Stage.UPLOADING));

        Race<Long> race = race(() -> db.eventLog().append(NEWCOMER, update(100, 500, Stage.PROCESSING)),
                () -> db.eventLog().append(NEWCOMER, update(100, 500, Stage.READY)), true);

        assertThat(race.first()).isEqualTo(2);
        assertThat(race.second()).isEqualTo(3);
    }

    @Test
    void anAppendWaitingForAFirstAppendThatRollsBackTakesOne() throws Exception {
        Race<Long> race = race(() -> db.eventLog().append(NEWCOMER, update(100, 500, Stage.PROCESSING)),
                () -> db.eventLog().append(NEWCOMER, update(100, 500, Stage.READY)), false);

        assertThat(race.second()).isEqualTo(1);
        assertThat(db.eventLog().lastSequence(NEWCOMER)).isEqualTo(1);
    }

    @Test
    void aChangeWaitingForTheAlbumsLockDecidesOnWhatTheHolderCommitted() throws Exception {
        Asset uploading = storedAsset();
        Asset cancelled = moved(uploading.cancel(T0.plusSeconds(1)));

        Race<Boolean> race = race(() -> changeUnderLock(uploading, asset -> asset.cancel(T0.plusSeconds(1))),
                () -> db.transactions().inTransaction(() ->
                        changeUnderLock(uploading, asset -> asset.complete(T0.plusSeconds(2)))), true);

        assertThat(race.first()).isTrue();
        assertThat(race.second()).as("the completion saw the cancellation").isFalse();
        assertThat(db.messages().byAsset(uploading.id()).orElseThrow().assets()).containsExactly(cancelled);
        assertThat(keptUploadsOf(SENDER)).as("one upload ended once").isZero();
    }

    @Test
    void aChangeWaitingForTheAlbumsLockWinsWhenTheHolderRollsBack() throws Exception {
        Asset uploading = storedAsset();
        Asset processing = moved(uploading.complete(T0.plusSeconds(2)));

        Race<Boolean> race = race(() -> changeUnderLock(uploading, asset -> asset.cancel(T0.plusSeconds(1))),
                () -> db.transactions().inTransaction(() ->
                        changeUnderLock(uploading, asset -> asset.complete(T0.plusSeconds(2)))), false);

        assertThat(race.second()).isTrue();
        assertThat(db.messages().byAsset(uploading.id()).orElseThrow().assets()).containsExactly(processing);
        assertThat(keptUploadsOf(SENDER)).as("the rolled back cancellation took nothing off").isZero();
    }

    @Test
    void aSecondFirstAlbumWaitsForTheOpenFirstOneAndBothAreKept() throws Exception {
        race(() -> albumOfTheNewcomer(100, 500), () -> albumOfTheNewcomer(101, 510), true);

        assertThat(keptUploadsOfTheNewcomer()).isEqualTo(2);
    }

    @Test
    void aFirstAlbumWaitingForOneThatRollsBackIsKeptAlone() throws Exception {
        race(() -> albumOfTheNewcomer(100, 500), () -> albumOfTheNewcomer(101, 510), false);

        assertThat(keptUploadsOfTheNewcomer()).isEqualTo(1);
    }

    @Test
    void aRecountWaitsForAnOpenAlbumAndCountsIt() throws Exception {
        albumOfTheNewcomer(99, 490);

        Race<UploadUsage> race = race(() -> albumOfTheNewcomer(100, 500), () -> db.transactions().inTransaction(
                () -> db.messages().recountedUsage(NEWCOMER, T0.minus(UploadQuota.WINDOW))), true);

        assertThat(race.second().pendingUploads()).isEqualTo(2);
        assertThat(keptUploadsOfTheNewcomer()).isEqualTo(2);
    }

    @Test
    void anAlbumWaitsForARecountsLockAndIsCountedAfterIt() throws Exception {
        albumOfTheNewcomer(99, 490);

        Race<UploadUsage> race = race(() -> db.messages().recountedUsage(NEWCOMER, T0.minus(UploadQuota.WINDOW)),
                () -> albumOfTheNewcomer(100, 500), true);

        assertThat(race.first().pendingUploads()).isEqualTo(1);
        assertThat(keptUploadsOfTheNewcomer()).isEqualTo(2);
    }

    private UploadUsage albumOfTheNewcomer(long message, long asset) {
        db.messages().add(message(message).between(NEWCOMER, UserId.of(2)).with(asset(asset)).build());
        return null;
    }

    private int keptUploadsOfTheNewcomer() {
        return keptUploadsOf(NEWCOMER);
    }

    /** The user's kept pending uploads, checked against those counted from the assets (bytes too). */
    private int keptUploadsOf(UserId user) {
        UploadUsage kept = db.messages().keptUsage(user, T0.minus(UploadQuota.WINDOW));
        UploadUsage counted = db.messages().usage(user, T0);
        assertThat(List.of(kept.pendingUploads(), kept.pendingBytes()))
                .isEqualTo(List.of(counted.pendingUploads(), counted.pendingBytes()));
        return kept.pendingUploads();
    }

    /** What {@code AssetChanges} does: lock the album, read the asset, store what its transition answers. */
    private boolean changeUnderLock(Asset asset, Function<Asset, AssetMove> transition) {
        Asset current = db.messages().lockByAsset(asset.id()).orElseThrow().asset(asset.id()).orElseThrow();
        AssetMove move = transition.apply(current);
        if (move.moved()) {
            db.messages().update(move.asset());
        }
        return move.moved();
    }

    private Asset storedAsset() {
        Message album = message(100).with(asset(500)).build();
        db.messages().add(album);
        return album.assets().get(0);
    }

    /** What each writer's call answered; {@code first} is null when its transaction rolled back. */
    private record Race<T>(T first, T second) {
    }

    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("the first writer gave up");
        }
    }

    /**
     * Runs {@code first} in a transaction left open, starts {@code second} beside it, checks that it waits,
     * then commits or rolls back the first, and answers what both calls answered.
     */
    private <T> Race<T> race(Supplier<T> first, Supplier<T> second, boolean commitFirst) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicReference<T> firstResult = new AtomicReference<>();
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> db.transactions().run(() -> {
            firstResult.set(first.get());
            written.countDown();
            await().atMost(PATIENCE).until(() -> finish.getCount() == 0);
            if (!commitFirst) {
                throw new RolledBack();
            }
        }));
        assertThat(written.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<T> follower = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            return second.get();
        });

        await().atMost(PATIENCE).until(() -> waiter.get() != null && waitsForALock(waiter.get())
                || follower.isDone());
        assertThat(follower).isNotDone();
        finish.countDown();

        if (commitFirst) {
            holder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } else {
            assertThat(holder).failsWithin(PATIENCE).withThrowableThat().withRootCauseInstanceOf(RolledBack.class);
        }
        return new Race<>(commitFirst ? firstResult.get() : null,
                follower.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    }
}
