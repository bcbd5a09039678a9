package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UserId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two albums between the same two users, sent crosswise at once, each store one statement that locks both users'
 * counters: both lock them in the same (ascending) order, so the second waits for the first instead of the two
 * deadlocking (PostgreSQL would cancel one with 40P01, a 503 to its client).
 */
class PostgresAlbumLockOrderTest {
    private static final UserId LOWER = UserId.of(1);
    private static final UserId HIGHER = UserId.of(2);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private PersistenceSettings database;
    private PersistenceAdapter db;
    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    @BeforeEach
    void start() {
        database = PostgresStores.freshDatabase(4);
        db = PersistenceAdapter.start(database);
    }

    @AfterEach
    void stop() {
        senders.shutdownNow();
        db.close();
    }

    /**
     * The higher user's counter is held while the higher user's album (locking the lower one's first) and then the
     * lower user's queue up behind it; released, they run one after the other. Were either to lock the higher
     * counter first, it would be first in line for it, then wait for the lower one the other holds: a deadlock.
     */
    @Test
    void crosswiseAlbumsBetweenTwoUsersWaitForEachOtherAndNeitherDeadlocks() throws Exception {
        db.eventLog().append(LOWER, update(99, 400, Stage.UPLOADING));
        db.eventLog().append(HIGHER, update(99, 400, Stage.UPLOADING));
        Message fromHigher = message(100).between(HIGHER, LOWER).with(asset(500)).build();
        Message fromLower = message(101).between(LOWER, HIGHER).with(asset(501)).build();

        CompletableFuture<Void> first;
        CompletableFuture<Void> second;
        try (Connection holder = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("SELECT last_seq FROM event_counters WHERE user_id = " + HIGHER.value() + " FOR UPDATE");

            first = CompletableFuture.runAsync(() -> store(fromHigher), senders);
            await().atMost(PATIENCE).until(() -> PostgresStores.sessionsWaitingForALock(database) == 1);
            second = CompletableFuture.runAsync(() -> store(fromLower), senders);
            await().atMost(PATIENCE).until(() -> PostgresStores.sessionsWaitingForALock(database) == 2);

            holder.commit();
        }

        assertThat(first).as("the higher user's album").succeedsWithin(PATIENCE);
        assertThat(second).as("the lower user's album").succeedsWithin(PATIENCE);
        assertThat(db.messages().byId(fromHigher.id())).contains(fromHigher);
        assertThat(db.messages().byId(fromLower.id())).contains(fromLower);
        for (UserId user : new UserId[] {LOWER, HIGHER}) {
            assertThat(db.eventLog().since(user, 0, 10)).as("user %s", user).extracting(LoggedFact::sequence)
                    .containsExactly(1L, 2L, 3L);
        }
    }

    private void store(Message album) {
        db.newAlbums().store(album, Optional.empty(), new Fact.AlbumSent(album));
    }
}
