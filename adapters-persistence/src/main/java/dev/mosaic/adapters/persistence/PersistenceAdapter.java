package dev.mosaic.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.Leases;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.NewAlbums;
import dev.mosaic.application.port.out.TransactionRunner;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind every persistence port: a connection pool, the schema brought up to date
 * by Flyway, and ports that share one transaction per thread through {@link #transactions()}.
 */
public final class PersistenceAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceAdapter.class);

    private final HikariDataSource pool;
    private final JdbiTransactions transactions;
    private final Messages messages;
    private final EventLog eventLog;
    private final JobQueue jobQueue;
    private final IdempotencyKeys idempotencyKeys;
    private final IdSource ids;
    private final Leases leases;
    private final NewAlbums newAlbums;

    private PersistenceAdapter(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        Jdbi jdbi = JdbiSetup.create(pool);
        this.transactions = new JdbiTransactions(jdbi);
        this.messages = new JdbiMessages(transactions);
        this.eventLog = new JdbiEventLog(transactions, dialect);
        this.jobQueue = new JdbiJobQueue(transactions, dialect);
        this.idempotencyKeys = new JdbiIdempotencyKeys(transactions);
        this.ids = new SequenceIds(transactions, dialect);
        this.leases = new JdbiLeases(transactions);
        this.newAlbums = new JdbiNewAlbums(transactions, dialect, messages, ids, idempotencyKeys, eventLog);
    }

    /** Opens the pool and migrates the schema; fails at once when the database is unusable. */
    public static PersistenceAdapter start(PersistenceSettings settings) {
        Dialect dialect = Dialect.of(settings.jdbcUrl());
        HikariDataSource pool = new HikariDataSource(poolConfig(settings, dialect));
        try {
            // Flyway opens connections of its own: on PostgreSQL it holds two at once, more than a small pool has
            var result = migrations(Flyway.configure(), dialect)
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .load()
                    .migrate();
            LOG.info("database {} at schema version {}", dialect, result.targetSchemaVersion);
            return new PersistenceAdapter(pool, dialect);
        } catch (RuntimeException failure) {
            pool.close();
            throw failure;
        }
    }

    /**
     * The common migrations ({@code db/migration}) and the database's own: a version number is used once across all
     * of them, by a common migration or by one of each database.
     */
    static FluentConfiguration migrations(FluentConfiguration flyway, Dialect dialect) {
        return switch (dialect) {
            case H2 -> flyway.locations("classpath:db/migration")
                    .javaMigrations(new H2AssetsWithoutForeignKeyIndex());
            case POSTGRESQL -> flyway.locations("classpath:db/migration", "classpath:db/postgresql");
        };
    }

    static HikariConfig poolConfig(PersistenceSettings settings, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("mosaic-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setAutoCommit(true);
        // fail a health check or a request quickly instead of hanging on a lost database
        config.setConnectionTimeout(10_000);
        if (dialect == Dialect.POSTGRESQL) {
            // a batch create's assets go as one multi-row INSERT instead of one per asset (pgjdbc sends both in one
            // round trip; the rewrite saves the server an execution per asset); a URL that says otherwise wins
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return config;
    }

    public Messages messages() {
        return messages;
    }

    public Leases leases() {
        return leases;
    }

    public EventLog eventLog() {
        return eventLog;
    }

    public JobQueue jobQueue() {
        return jobQueue;
    }

    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    public IdSource ids() {
        return ids;
    }

    /** A new album's reservation and store, each all or nothing on its own and, on PostgreSQL, one round trip. */
    public NewAlbums newAlbums() {
        return newAlbums;
    }

    public TransactionRunner transactions() {
        return transactions;
    }

    /** True when a connection answers a trivial query. */
    public boolean isHealthy() {
        if (pool.isClosed()) {
            return false;
        }
        try {
            return transactions.withHandle(handle ->
                    handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException unreachable) {
            LOG.warn("database health check failed: {}", unreachable.toString());
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
