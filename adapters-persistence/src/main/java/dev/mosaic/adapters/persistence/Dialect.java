package dev.mosaic.adapters.persistence;

import java.util.Collections;
import java.util.Locale;

/** The only SQL that differs between the databases we run on. Everything else is portable. */
enum Dialect {
    /** Claims compare-and-set over a few candidates, so a lost race moves on to the next. */
    H2(8, "") {
        @Override
        String nextValue(String sequence) {
            return "SELECT NEXT VALUE FOR " + sequence;
        }

        @Override
        String nextValueAndValues(String single, String each) {
            return "SELECT NEXT VALUE FOR " + single
                    + ", ARRAY(SELECT NEXT VALUE FOR " + each + " FROM SYSTEM_RANGE(1, ?))";
        }

        /**
         * One recipient per statement, and a missing counter is not started (0 rows): {@link JdbiEventLog} starts it in
         * a statement of its own. Two reasons. A statement that both advanced one counter and inserted another could
         * advance the first twice: an insert that waits past the lock timeout on another transaction's uncommitted
         * counter fails with 90131, which H2 answers by running the statement again without undoing the first run (a
         * gap; H2LockWaitTest). And an all-or-none statement for all recipients (MERGE of the counters that exist)
         * measured no cheaper than one statement each: 20 µs of CPU per album, median 25, both ways (BENCHMARK.md).
         */
        @Override
        EventAppend appendEvent(int recipients) {
            if (recipients != 1) {
                throw new IllegalArgumentException("on H2 each recipient's event is a statement of its own, not "
                        + recipients);
            }
            return new EventAppend("""
                    INSERT INTO events (recipient_id, seq, event_type, payload)
                    SELECT user_id, last_seq, ?, ?
                    FROM FINAL TABLE (UPDATE event_counters SET last_seq = last_seq + 1 WHERE user_id = ?)""", 3, 1, 2,
                    false);
        }
    },
    /** Claims lock the first free job and skip those other claimers hold: no waiting, no lost races. */
    POSTGRESQL(1, " FOR UPDATE SKIP LOCKED") {
        @Override
        String nextValue(String sequence) {
            return "SELECT nextval('" + sequence + "')";
        }

        @Override
        String nextValueAndValues(String single, String each) {
            return "SELECT nextval('" + single + "')"
                    + ", ARRAY(SELECT nextval('" + each + "') FROM generate_series(1, ?))";
        }

        /**
         * The count written into the query ({@code ARRAY[nextval(…), nextval(…), nextval(…)]}), no parameter: with
         * {@code generate_series(1, ?)} the server planned the query again on every execution, since a generic plan
         * (its estimate: 1,000 rows) never looks cheaper than a custom one for the count bound (pg_stat_statements:
         * one plan per call, half of the query's server time; BENCHMARK.md, ninth session). A query without
         * parameters keeps its plan once pgjdbc prepares it on the server (from its fifth run on a connection).
         */
        @Override
        AlbumIds albumIds(String single, String each, int count) {
            return new AlbumIds("SELECT nextval('" + single + "'), " + nextValuesArray(each, count), false);
        }

        /**
         * The insert takes the rows in the order of the VALUES, locking each counter it finds; one a concurrent first
         * append is inserting makes it wait for that transaction and then update, so it never fails on that race.
         */
        @Override
        EventAppend appendEvent(int recipients) {
            return new EventAppend("WITH " + advancedCounters(recipients) + "\n" + LOG_ADVANCED, 1, recipients + 1,
                    recipients + 2, true);
        }
    };

    private final int claimCandidates;
    private final String skipLocked;

    Dialect(int claimCandidates, String skipLocked) {
        this.claimCandidates = claimCandidates;
        this.skipLocked = skipLocked;
    }

    /** A query answering one new value of a sequence created by the migrations. */
    abstract String nextValue(String sequence);

    /**
     * One query answering one row: a new value of {@code single}, and an array of as many new values of {@code each}
     * as its one parameter says, in no promised order. Each sequence advances once per value answered (TwoNodesChecks).
     * One row, not a {@code UNION} of the two: on H2 the union cost three times the CPU of this form (BENCHMARK.md).
     */
    abstract String nextValueAndValues(String single, String each);

    /**
     * The query of {@link #nextValueAndValues} for exactly {@code count} values of {@code each}: by default that
     * query, taking the count as its one parameter; a dialect may write the count into the query instead.
     */
    AlbumIds albumIds(String single, String each, int count) {
        return new AlbumIds(nextValueAndValues(single, each), true);
    }

    /** {@link #albumIds}' SQL, and whether it takes the count as its one parameter. */
    record AlbumIds(String sql, boolean countBound) {
    }

    /**
     * One statement that logs an event for each of {@code recipients} distinct users, advancing each one's counter in
     * the order the users are bound, and holding the counters' row locks until the commit. Where it
     * {@link EventAppend#startsCounters() starts counters} (PostgreSQL) it starts a missing one at 1 and serves any
     * number of users; where it does not (H2), it serves one user and logs nothing when that user has no counter.
     */
    abstract EventAppend appendEvent(int recipients);

    /**
     * PostgreSQL: the common table expression {@code advanced} that advances (or starts at 1) the counters of
     * {@code recipients} users, bound one after another as its only parameters, in the order bound, and answers each
     * one's new number; {@link #LOG_ADVANCED} then logs the event under it. {@link #POSTGRESQL}'s
     * {@link #appendEvent} is the two alone; a batch create's one statement puts its own inserts before them.
     */
    static String advancedCounters(int recipients) {
        requireRecipients(recipients);
        return """
                advanced AS (
                  INSERT INTO event_counters AS c (user_id, last_seq) VALUES %s
                  ON CONFLICT (user_id) DO UPDATE SET last_seq = c.last_seq + 1
                  RETURNING user_id, last_seq)"""
                .formatted(String.join(", ", Collections.nCopies(recipients, "(?, 1)")));
    }

    /** Logs an event for each row of {@link #advancedCounters}; its two parameters: the event's type, its payload. */
    static final String LOG_ADVANCED = """
            INSERT INTO events (recipient_id, seq, event_type, payload)
            SELECT user_id, last_seq, ?, ? FROM advanced""";

    /**
     * PostgreSQL: an array of {@code count} new values of {@code sequence}, the count written into the expression
     * ({@link #albumIds}' PostgreSQL form says why).
     */
    static String nextValuesArray(String sequence, int count) {
        return count == 0 ? "ARRAY[]::bigint[]"
                : "ARRAY[" + String.join(", ", Collections.nCopies(count, "nextval('" + sequence + "')")) + "]";
    }

    private static void requireRecipients(int recipients) {
        if (recipients < 1) {
            throw new IllegalArgumentException("an event needs at least one recipient, not " + recipients);
        }
    }

    /**
     * {@link #appendEvent(int)}'s SQL and where its parameters go (1-based, as JDBC counts): the users from
     * {@code firstUser} on, one after another. Without {@code startsCounters}, the statement logs nothing (0 rows) for
     * a user who has no counter yet.
     */
    record EventAppend(String sql, int firstUser, int type, int payload, boolean startsCounters) {
    }

    /** A query answering the jobs (as {@link JobRow}s) a worker may lease at {@code :now}, first due first. */
    String claimableJobs() {
        return "SELECT id, kind, asset_id, attempts FROM jobs WHERE " + JobDao.CLAIMABLE + " ORDER BY run_at, id LIMIT " + claimCandidates
                + skipLocked;
    }

    static Dialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database (use jdbc:h2: or jdbc:postgresql:): " + jdbcUrl);
    }
}
