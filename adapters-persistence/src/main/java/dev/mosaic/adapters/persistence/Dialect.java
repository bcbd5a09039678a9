package dev.mosaic.adapters.persistence;

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

        @Override
        EventAppend appendEvent() {
            return new EventAppend("""
                    INSERT INTO events (recipient_id, seq, event_type, payload)
                    SELECT user_id, last_seq, ?, ?
                    FROM FINAL TABLE (UPDATE event_counters SET last_seq = last_seq + 1 WHERE user_id = ?)""", 3, 1, 2);
        }
    },
    /** Claims lock the first free job and skip those other claimers hold: no waiting, no lost races. */
    POSTGRESQL(1, " FOR UPDATE SKIP LOCKED") {
        @Override
        String deferFlushAtCommit() {
            return "SET LOCAL synchronous_commit = off";
        }

        @Override
        String nextValue(String sequence) {
            return "SELECT nextval('" + sequence + "')";
        }

        @Override
        String nextValueAndValues(String single, String each) {
            return "SELECT nextval('" + single + "')"
                    + ", ARRAY(SELECT nextval('" + each + "') FROM generate_series(1, ?))";
        }

        @Override
        EventAppend appendEvent() {
            return new EventAppend("""
                    WITH advanced AS (
                      UPDATE event_counters SET last_seq = last_seq + 1 WHERE user_id = ?
                      RETURNING user_id, last_seq)
                    INSERT INTO events (recipient_id, seq, event_type, payload)
                    SELECT user_id, last_seq, ?, ? FROM advanced""", 1, 2, 3);
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
     * One statement that advances a user's event counter, holding its row lock until the commit, and logs the
     * event under the new number; it inserts nothing (count 0) when the user has no counter yet.
     */
    abstract EventAppend appendEvent();

    /** {@link #appendEvent()}'s SQL and where its three parameters go (1-based, as JDBC counts). */
    record EventAppend(String sql, int user, int type, int payload) {
    }

    /**
     * The statement that lets the current transaction's commit return before the log reaches the disk, or
     * {@code null} where the database has no such switch per transaction (H2).
     */
    String deferFlushAtCommit() {
        return null;
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
