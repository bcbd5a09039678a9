package dev.mosaic.adapters.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Job states by name: {@code PENDING} (waiting or leased) and {@code GAVE_UP}; finished jobs are
 * deleted. A lease is {@code locked_until}. Finishing calls name the attempt they hold, so a
 * worker whose lease ran out and whose job was claimed again changes nothing.
 */
@RegisterConstructorMapper(JobRow.class)
interface JobDao {
    String PENDING = "PENDING";
    String GAVE_UP = "GAVE_UP";
    String CLAIMABLE = "state = '" + PENDING + "' AND run_at <= :now"
            + " AND (locked_until IS NULL OR locked_until <= :now)";
    String HELD = "id = :id AND attempts = :attempt AND state = '" + PENDING + "' AND locked_until IS NOT NULL";

    @SqlUpdate("INSERT INTO jobs (kind, asset_id, state, attempts, run_at) VALUES (:kind, :assetId, '"
            + PENDING + "', 0, :runAt)")
    void insert(String kind, long assetId, Instant runAt);

    /**
     * Compare-and-set: only one of several workers racing for a job sees 1, and only while the job has had the
     * attempts its claimer read, so the claim's attempt is that plus one without reading the row again.
     */
    @SqlUpdate("UPDATE jobs SET locked_by = :worker, locked_until = :until, attempts = attempts + 1"
            + " WHERE id = :id AND attempts = :attempts AND " + CLAIMABLE)
    int lease(long id, int attempts, String worker, Instant now, Instant until);

    @SqlUpdate("UPDATE jobs SET locked_until = :until WHERE " + HELD)
    int extend(long id, int attempt, Instant until);

    @SqlUpdate("DELETE FROM jobs WHERE " + HELD)
    int finish(long id, int attempt);

    @SqlUpdate("UPDATE jobs SET run_at = :runAt, locked_by = NULL, locked_until = NULL, last_error = :error"
            + " WHERE " + HELD)
    int postpone(long id, int attempt, Instant runAt, String error);

    @SqlUpdate("UPDATE jobs SET state = '" + GAVE_UP + "', locked_by = NULL, locked_until = NULL,"
            + " last_error = :error WHERE " + HELD)
    int abandon(long id, int attempt, String error);

    @SqlQuery("SELECT COUNT(*) FROM jobs WHERE state = '" + PENDING + "'")
    int pending();
}
