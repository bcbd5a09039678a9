package dev.mosaic.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A second JDBI on an H2 database already started in {@code folder}, with its own small pool, that counts every
 * statement it runs (failed ones too): for the tests that hold a path to its number of round trips.
 */
final class CountedJdbi implements AutoCloseable {
    final AtomicInteger statements = new AtomicInteger();
    final Jdbi jdbi;
    private final HikariDataSource pool;

    CountedJdbi(Path folder) {
        PersistenceSettings settings = H2Stores.settingsIn(folder, 2);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        jdbi = JdbiSetup.create(pool);
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
    }

    @Override
    public void close() {
        pool.close();
    }
}
