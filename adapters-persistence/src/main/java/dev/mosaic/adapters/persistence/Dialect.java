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
    },
    /** Claims lock the first free job and skip those other claimers hold: no waiting, no lost races. */
    POSTGRESQL(1, " FOR UPDATE SKIP LOCKED") {
        @Override
        String nextValue(String sequence) {
            return "SELECT nextval('" + sequence + "')";
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
