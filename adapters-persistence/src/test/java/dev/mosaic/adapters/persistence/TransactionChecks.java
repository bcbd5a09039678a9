package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static dev.mosaic.application.fake.Fixtures.moved;
import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.JobQueue.Job;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.Stage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One transaction per thread across every port: all or nothing, nested calls join, others see commits only. */
abstract class TransactionChecks {
    private PersistenceAdapter db;

    /** A new, empty database for this test. */
    protected abstract PersistenceSettings newDatabase(int maxPoolSize);

    @BeforeEach
    void start() {
        db = PersistenceAdapter.start(newDatabase(4));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private static final class Boom extends RuntimeException {
        Boom() {
            super("the use case failed after writing");
        }
    }

    @Test
    void aFailedTransactionLeavesNoWriteOfAnyPortBehind() {
        Message album = message(100).with(asset(500)).build();
        db.idempotencyKeys().reserve(SENDER, "k-1", "sha256:aa", T0);

        assertThatThrownBy(() -> db.transactions().run(() -> {
            db.messages().add(album);
            db.eventLog().append(RECEIVER, update(100, 500, Stage.UPLOADING));
            db.jobQueue().enqueue(new Job(JobQueue.Kind.PROCESS_ASSET, AssetId.of(500)), T0);
            db.idempotencyKeys().complete(SENDER, "k-1", album.id());
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(db.messages().byId(album.id())).isEmpty();
        assertThat(db.eventLog().lastSequence(RECEIVER)).isZero();
        assertThat(db.jobQueue().pending()).isZero();
        assertThat(db.idempotencyKeys().find(SENDER, "k-1").orElseThrow().message()).isEmpty();
    }

    /** A new album's store inside a transaction joins it: rolled back with it, as any port's write. */
    @Test
    void aNewAlbumsStoreInsideATransactionIsRolledBackWithIt() {
        Message album = message(100).with(asset(500)).build();

        assertThatThrownBy(() -> db.transactions().run(() -> {
            db.newAlbums().store(album, java.util.Optional.empty(), new Fact.AlbumSent(album));
            assertThat(db.messages().byId(album.id())).as("seen inside").contains(album);
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(db.messages().byId(album.id())).isEmpty();
        assertThat(db.eventLog().lastSequence(RECEIVER)).isZero();
        db.newAlbums().store(album, java.util.Optional.empty(), new Fact.AlbumSent(album));
        assertThat(db.messages().byId(album.id())).as("outside any: committed at once").contains(album);
        assertThat(db.eventLog().lastSequence(RECEIVER)).isEqualTo(1);
    }

    @Test
    void anAlbumWhoseBatchedInsertFailsHalfwayLeavesNoRowBehind() {
        Message stored = message(100).with(asset(500)).build();
        db.messages().add(stored);
        db.eventLog().append(RECEIVER, update(100, 500, Stage.UPLOADING));
        // its second asset claims the first album's asset id: the batch fails on its second row
        Message clashing = message(101).with(asset(600).inMessage(101), asset(500).inMessage(101)).build();

        assertThatThrownBy(() -> db.transactions().run(() -> {
            db.eventLog().appendToEach(List.of(SENDER, RECEIVER), new Fact.AlbumSent(clashing));
            db.messages().add(clashing);
        })).isNotInstanceOf(Boom.class);

        assertThat(db.messages().byId(clashing.id())).isEmpty();
        assertThat(db.messages().byAsset(AssetId.of(600))).isEmpty();
        assertThat(db.eventLog().lastSequence(SENDER)).isZero();
        assertThat(db.eventLog().since(RECEIVER, 0, 10)).hasSize(1);
        assertThat(db.messages().byId(stored.id())).contains(stored);
    }

    @Test
    void aRolledBackAppendToEachGivesEveryNumberBack() {
        db.eventLog().append(RECEIVER, update(100, 500, Stage.UPLOADING));

        assertThatThrownBy(() -> db.transactions().run(() -> {
            db.eventLog().appendToEach(List.of(SENDER, RECEIVER), update(100, 500, Stage.PROCESSING));
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(db.eventLog().lastSequence(SENDER)).isZero();
        assertThat(db.eventLog().lastSequence(RECEIVER)).isEqualTo(1);
        assertThat(db.eventLog().append(SENDER, update(100, 500, Stage.READY))).isEqualTo(1);
        assertThat(db.eventLog().append(RECEIVER, update(100, 500, Stage.READY))).isEqualTo(2);
    }

    @Test
    void aRolledBackFirstAppendOfTwoUsersLeavesNeitherACounterNorANumber() {
        assertThatThrownBy(() -> db.transactions().run(() -> {
            db.eventLog().appendToEach(List.of(SENDER, RECEIVER), update(100, 500, Stage.UPLOADING));
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(db.eventLog().lastSequences(List.of(SENDER, RECEIVER))).isEmpty();
        db.transactions().run(() -> db.eventLog().appendToEach(List.of(RECEIVER, SENDER), update(100, 500, Stage.READY)));
        assertThat(db.eventLog().since(SENDER, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L);
        assertThat(db.eventLog().since(RECEIVER, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L);
    }

    @Test
    void aRolledBackEventGivesItsNumberBackSoNoGapAppears() {
        db.eventLog().append(RECEIVER, update(100, 500, Stage.UPLOADING));

        assertThatThrownBy(() -> db.transactions().run(() -> {
            assertThat(db.eventLog().append(RECEIVER, update(100, 500, Stage.PROCESSING))).isEqualTo(2);
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(db.eventLog().append(RECEIVER, update(100, 500, Stage.READY))).isEqualTo(2);
    }

    @Test
    void aNestedTransactionJoinsTheOuterOneAndFailsWithIt() {
        Message album = message(100).with(asset(500)).build();
        Asset uploading = album.assets().get(0);

        assertThatThrownBy(() -> db.transactions().run(() -> {
            db.transactions().run(() -> db.messages().add(album));
            db.messages().update(moved(uploading.complete(T0)));
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(db.messages().byId(album.id())).isEmpty();
    }

    @Test
    void othersSeeTheWritesOfATransactionOnlyOnceItCommits() {
        Message album = message(100).with(asset(500)).build();

        db.transactions().run(() -> {
            db.messages().add(album);
            boolean seenOutside = CompletableFuture.supplyAsync(() -> db.messages().byId(album.id()).isPresent())
                    .orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(seenOutside).isFalse();
        });

        assertThat(db.messages().byId(MessageId.of(100))).contains(album);
    }

    @Test
    void aCallOutsideATransactionCommitsAtOnce() {
        db.messages().add(message(100).build());

        assertThat(CompletableFuture.supplyAsync(() -> db.messages().byId(MessageId.of(100))).join()).isPresent();
    }
}
