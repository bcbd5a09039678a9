package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statements on the way from a completion to {@code thumbnail_ready}, counted: each one is a round trip, and
 * on a loaded node each costs far more than its work.
 */
class StatementCountTest {
    @TempDir
    Path folder;
    PersistenceAdapter adapter;
    CountedJdbi counted;
    JdbiTransactions transactions;
    AtomicInteger statements;

    @BeforeEach
    void start() {
        adapter = H2Stores.startIn(folder);
        counted = new CountedJdbi(folder);
        statements = counted.statements;
        transactions = new JdbiTransactions(counted.jdbi);
    }

    @AfterEach
    void stop() {
        counted.close();
        adapter.close();
    }

    @Test
    void anAlbumIsReadOrLockedByOneOfItsAssetsInTwoStatements() {
        adapter.messages().add(message(100).with(asset(500), asset(501)).build());
        JdbiMessages messages = new JdbiMessages(transactions);

        assertThat(messages.byAsset(AssetId.of(501)).orElseThrow().assets()).hasSize(2);
        assertThat(statements).hasValue(2);
        transactions.run(() -> assertThat(messages.lockByAsset(AssetId.of(500)).orElseThrow().assets()).hasSize(2));
        assertThat(statements).hasValue(4);
        assertThat(messages.byAsset(AssetId.of(999))).isEmpty();
        assertThat(statements).hasValue(5);
    }

    @Test
    void anAlbumIsFoundByAnObjectKeyInTwoStatementsAndAKeyNamingNoAssetInNone() {
        Message album = message(100).with(asset(500), asset(501)).build();
        adapter.messages().add(album);
        JdbiMessages messages = new JdbiMessages(transactions);

        assertThat(messages.byObjectKey(album.assets().get(1).objectKey())).contains(album);
        assertThat(statements).as("the album by its asset's id and key, then its assets").hasValue(2);
        assertThat(messages.byObjectKey(new ObjectKey("raw/1/x/photo_501.jpg"))).isEmpty();
        assertThat(statements).hasValue(2);
        assertThat(messages.byObjectKey(new ObjectKey("raw/1/501/other.jpg"))).isEmpty();
        assertThat(statements).hasValue(3);
    }

    @Test
    void aClaimIsOneQueryAndOneUpdate() {
        adapter.jobQueue().enqueue(new JobQueue.Job(JobQueue.Kind.PROCESS_ASSET, AssetId.of(500)), T0);
        JdbiJobQueue jobs = new JdbiJobQueue(transactions, Dialect.H2);

        JobQueue.ClaimedJob claimed = transactions.inTransaction(() -> jobs.claim("w", T0, Duration.ofMinutes(1)))
                .orElseThrow();

        assertThat(claimed.attempt()).isEqualTo(1);
        assertThat(claimed.job().asset()).isEqualTo(AssetId.of(500));
        assertThat(statements).hasValue(2);
    }

    /** On H2, embedded, a statement costs no round trip: the ports' own statements, in two transactions. */
    @Test
    void aBatchCreateIsSixStatementsOnH2WhateverTheAlbumsSize() {
        Message album = message(100).with(asset(500), asset(501), asset(502)).build();
        // both have had events before, as nearly every create's sender and receiver have (a user's first event
        // costs more: aUsersFirstEvent…)
        adapter.eventLog().append(SENDER, update(99, 400, Stage.UPLOADING));
        adapter.eventLog().append(RECEIVER, update(99, 400, Stage.UPLOADING));
        JdbiMessages messages = new JdbiMessages(transactions);
        JdbiEventLog events = new JdbiEventLog(transactions, Dialect.H2);
        JdbiNewAlbums albums = new JdbiNewAlbums(transactions, Dialect.H2, messages,
                new SequenceIds(transactions, Dialect.H2), new JdbiIdempotencyKeys(transactions), events);

        assertThat(albums.reserve(SENDER, T0, 3).ids().assets()).hasSize(3);
        assertThat(statements).as("the quota, then the message's id and every asset's in one").hasValue(2);
        albums.store(album, Optional.empty(), new Fact.AlbumSent(album));
        assertThat(statements).as("the message, its assets in one batch, one per recipient").hasValue(6);
        albums.store(message(101).with(asset(503)).build(), Optional.of("key"),
                new Fact.AlbumSent(message(101).build()));
        assertThat(statements).as("and the key's completion").hasValue(11);

        assertThat(events.lastSequence(RECEIVER)).isEqualTo(3);
    }

    /**
     * On H2 a user's first event is tried, finds no counter, starts it in a statement of its own and is logged (the
     * savepoint around the start is a call on the connection, not counted here).
     */
    @Test
    void aUsersFirstEventCostsTwoStatementsMoreOnce() {
        JdbiEventLog events = new JdbiEventLog(transactions, Dialect.H2);
        adapter.eventLog().append(RECEIVER, update(99, 400, Stage.UPLOADING));

        transactions.run(() -> events.appendToEach(List.of(SENDER, RECEIVER), update(100, 500, Stage.UPLOADING)));
        assertThat(statements).as("the sender tried, started and advanced, the receiver advanced").hasValue(4);
        transactions.run(() -> events.appendToEach(List.of(SENDER, RECEIVER), update(100, 500, Stage.PROCESSING)));
        assertThat(statements).as("both counted now: one each").hasValue(6);

        assertThat(events.lastSequence(SENDER)).isEqualTo(2);
        assertThat(events.lastSequence(RECEIVER)).isEqualTo(3);
    }

    @Test
    void twoUsersFirstEventsAreATryAStartAndAnAdvanceEach() {
        JdbiEventLog events = new JdbiEventLog(transactions, Dialect.H2);

        transactions.run(() -> events.appendToEach(List.of(RECEIVER, SENDER), update(100, 500, Stage.UPLOADING)));
        assertThat(statements).hasValue(6);
        transactions.run(() -> events.appendToEach(List.of(SENDER), update(100, 500, Stage.PROCESSING)));
        assertThat(statements).hasValue(7);

        assertThat(events.lastSequence(SENDER)).isEqualTo(2);
        assertThat(events.lastSequence(RECEIVER)).isEqualTo(1);
    }
}
