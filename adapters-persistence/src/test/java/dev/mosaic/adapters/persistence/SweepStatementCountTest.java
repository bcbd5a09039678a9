package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UserId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The socket sweep's read of every user's last sequence, counted: every 30 s a node asks it for every user it holds a
 * socket of, so it must be a few statements, not one per user.
 */
class SweepStatementCountTest {
    @TempDir
    Path folder;
    PersistenceAdapter adapter;
    CountedJdbi counted;
    JdbiEventLog events;
    AtomicInteger statements;

    @BeforeEach
    void start() {
        adapter = H2Stores.startIn(folder);
        counted = new CountedJdbi(folder);
        statements = counted.statements;
        events = new JdbiEventLog(new JdbiTransactions(counted.jdbi), Dialect.H2);
    }

    @AfterEach
    void stop() {
        counted.close();
        adapter.close();
    }

    @Test
    void theLastSequencesOfTenThousandUsersAreTenStatements() {
        List<UserId> users = LongStream.rangeClosed(1, 10_000).mapToObj(UserId::of).toList();
        for (long user : new long[] {1, 1_000, 1_001, 9_999}) {
            adapter.eventLog().append(UserId.of(user), update(100, 500, Stage.READY));
        }
        adapter.eventLog().append(UserId.of(1_001), update(100, 500, Stage.READY));

        Map<UserId, Long> last = events.lastSequences(users);

        assertThat(statements).hasValue(10_000 / JdbiEventLog.COUNTERS_PER_READ);
        assertThat(last).containsOnly(Map.entry(UserId.of(1), 1L), Map.entry(UserId.of(1_000), 1L),
                Map.entry(UserId.of(1_001), 2L), Map.entry(UserId.of(9_999), 1L));
    }

    @Test
    void noUsersAreNoStatement() {
        assertThat(events.lastSequences(List.of())).isEmpty();
        assertThat(statements).hasValue(0);
    }
}
