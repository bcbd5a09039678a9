package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.application.port.out.Unavailable;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UserId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two transactions on H2 where one waits for the other's row past the lock timeout, with a short timeout for the
 * waiting session: H2 then runs some statements again without undoing their first run, and answers others with a lock
 * timeout, which is contention, not a bug.
 */
class H2LockWaitTest {
    private static final int LOCK_TIMEOUT_MS = 2_000;
    private static final UserId ONE = UserId.of(1);
    private static final UserId TWO = UserId.of(2);

    @TempDir
    Path folder;
    PersistenceAdapter adapter;
    String url;
    JdbiTransactions transactions;
    JdbiEventLog events;
    ExecutorService pool = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        adapter = H2Stores.startIn(folder);
        url = PersistenceSettings.h2File(folder).jdbcUrl();
        JdbcDataSource shortWaits = new JdbcDataSource();
        shortWaits.setURL(url + ";LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS);
        shortWaits.setUser("sa");
        transactions = new JdbiTransactions(JdbiSetup.create(shortWaits));
        events = new JdbiEventLog(transactions, Dialect.H2);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        adapter.close();
    }

    /**
     * The reviewer's case: user 2's first counter is inserted by a transaction that stays open past the lock timeout
     * and then rolls back, while another appends to users 1 and 2. User 1's numbers stay 1, 2, 3.
     */
    @Test
    void aFirstCounterHeldPastTheLockTimeoutThenRolledBackLeavesNoGapBeforeIt() throws Exception {
        adapter.eventLog().append(ONE, update(99, 1, Stage.UPLOADING));
        try (Connection holder = DriverManager.getConnection(url, "sa", "")) {
            holder.setAutoCommit(false);
            try (Statement insert = holder.createStatement()) {
                insert.execute("INSERT INTO event_counters (user_id, last_seq) VALUES (2, 0)");
            }
            Future<?> appended = pool.submit(() -> transactions.run(
                    () -> events.appendToEach(List.of(ONE, TWO), update(100, 2, Stage.UPLOADING))));
            awaitBlockedBy(holder);
            // past the first timed-out wait (H2 runs the waiting statement again), before the second times out
            Thread.sleep(LOCK_TIMEOUT_MS * 3 / 2);
            holder.rollback();
            appended.get(30, TimeUnit.SECONDS);
        }
        adapter.eventLog().appendToEach(List.of(ONE, TWO), update(100, 3, Stage.UPLOADING));

        assertThat(adapter.eventLog().since(ONE, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L, 2L, 3L);
        assertThat(adapter.eventLog().since(TWO, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L, 2L);
        assertThat(adapter.eventLog().lastSequence(ONE)).isEqualTo(3);
    }

    /** A counter held past the lock timeout is the database being busy: the port's outage, answered 503, no bug. */
    @Test
    void aLockTimeoutIsTheDatabaseUnavailableAndUndoesTheWholeAppend() throws Exception {
        adapter.eventLog().appendToEach(List.of(ONE, TWO), update(99, 1, Stage.UPLOADING));
        try (Connection holder = DriverManager.getConnection(url, "sa", "")) {
            holder.setAutoCommit(false);
            try (Statement advance = holder.createStatement()) {
                advance.execute("UPDATE event_counters SET last_seq = last_seq + 1 WHERE user_id = 2");
            }
            assertThatThrownBy(() -> transactions.run(
                    () -> events.appendToEach(List.of(ONE, TWO), update(100, 2, Stage.UPLOADING))))
                    .isInstanceOfSatisfying(Unavailable.class,
                            busy -> assertThat(busy.part()).isEqualTo(Unavailable.Part.DATABASE));
            holder.rollback();
        }
        assertThat(adapter.eventLog().lastSequence(ONE)).isEqualTo(1);
        adapter.eventLog().appendToEach(List.of(ONE, TWO), update(100, 3, Stage.UPLOADING));
        assertThat(adapter.eventLog().since(ONE, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L, 2L);
        assertThat(adapter.eventLog().since(TWO, 0, 10)).extracting(LoggedFact::sequence).containsExactly(1L, 2L);
    }

    /** Until another session waits for a row {@code holder} has locked. */
    private void awaitBlockedBy(Connection holder) throws SQLException, InterruptedException {
        long holderId;
        try (Statement id = holder.createStatement(); ResultSet row = id.executeQuery("SELECT SESSION_ID()")) {
            row.next();
            holderId = row.getLong(1);
        }
        try (Connection watcher = DriverManager.getConnection(url, "sa", "");
                PreparedStatement blocked = watcher.prepareStatement(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?")) {
            blocked.setLong(1, holderId);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try (ResultSet count = blocked.executeQuery()) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("a session waits for the holder's row").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }
}
