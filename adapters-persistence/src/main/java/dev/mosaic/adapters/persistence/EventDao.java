package dev.mosaic.adapters.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(EventRow.class)
interface EventDao {

    /** Takes the user's counter row lock until commit, which serialises appends per user. */
    @SqlUpdate("UPDATE event_counters SET last_seq = last_seq + 1 WHERE user_id = :user")
    int advanceCounter(long user);

    @SqlUpdate("INSERT INTO event_counters (user_id, last_seq) VALUES (:user, 1)")
    void startCounter(long user);

    @SqlQuery("SELECT last_seq FROM event_counters WHERE user_id = :user")
    Optional<Long> counter(long user);

    @SqlUpdate("""
            INSERT INTO events (recipient_id, seq, event_type, payload)
            VALUES (:recipientId, :seq, :eventType, :payload)""")
    void insert(@BindMethods EventRow row);

    @SqlQuery("""
            SELECT recipient_id, seq, event_type, payload FROM events
            WHERE recipient_id = :user AND seq > :after
            ORDER BY seq
            LIMIT :limit""")
    List<EventRow> since(long user, long after, int limit);
}
