package dev.mosaic.adapters.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(IdempotencyRow.class)
interface IdempotencyDao {

    @SqlUpdate("""
            INSERT INTO idempotency_keys (user_id, idem_key, fingerprint, message_id, created_at)
            VALUES (:user, :key, :fingerprint, NULL, :now)""")
    void insert(long user, String key, String fingerprint, Instant now);

    /** Only a key no request has completed: a completion never overwrites another request's. */
    @SqlUpdate("UPDATE idempotency_keys SET message_id = :message"
            + " WHERE user_id = :user AND idem_key = :key AND message_id IS NULL")
    int complete(long user, String key, long message);

    /** Only a key whose request did not complete: a completed key stays, whatever its caller believes. */
    @SqlUpdate("DELETE FROM idempotency_keys WHERE user_id = :user AND idem_key = :key AND message_id IS NULL")
    int release(long user, String key);

    @SqlQuery("SELECT fingerprint, message_id, created_at FROM idempotency_keys"
            + " WHERE user_id = :user AND idem_key = :key")
    Optional<IdempotencyRow> find(long user, String key);
}
