package dev.mosaic.adapters.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(EventRow.class)
interface EventDao {

    @SqlQuery("SELECT last_seq FROM event_counters WHERE user_id = :user")
    Optional<Long> counter(long user);

    /** The counters of those of these users who have one. */
    @SqlQuery("SELECT user_id, last_seq FROM event_counters WHERE user_id IN (<users>)")
    @KeyColumn("user_id")
    @ValueColumn("last_seq")
    Map<Long, Long> counters(@BindList("users") List<Long> users);

    @SqlQuery("""
            SELECT recipient_id, seq, event_type, payload FROM events
            WHERE recipient_id = :user AND seq > :after
            ORDER BY seq
            LIMIT :limit""")
    List<EventRow> since(long user, long after, int limit);
}
