package dev.mosaic.adapters.persistence;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface LeaseDao {

    /** Takes the lease when it is free, run out, or already ours. */
    @SqlUpdate("UPDATE leases SET holder = :holder, held_until = :until"
            + " WHERE name = :name AND (holder = :holder OR held_until < :now)")
    int take(String name, String holder, Instant now, Instant until);

    @SqlUpdate("INSERT INTO leases (name, holder, held_until) VALUES (:name, :holder, :until)")
    void create(String name, String holder, Instant until);

    @SqlUpdate("DELETE FROM leases WHERE name = :name AND holder = :holder")
    int release(String name, String holder);
}
