package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UserId;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
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
    HikariDataSource pool;
    JdbiEventLog events;
    final AtomicInteger statements = new AtomicInteger();

    @BeforeEach
    void start() {
        adapter = H2Stores.startIn(folder);
        PersistenceSettings settings = H2Stores.settingsIn(folder, 2);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        Jdbi jdbi = JdbiSetup.create(pool);
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }

            @Override
            public void logException(StatementContext context, SQLException ex) {
                statements.incrementAndGet();
            }
        });
        events = new JdbiEventLog(new JdbiTransactions(jdbi), Dialect.H2);
    }

    @AfterEach
    void stop() {
        pool.close();
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
