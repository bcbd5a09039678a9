package dev.mosaic.adapters.persistence;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code retired_uploads} a late PUT may still write to, until the janitor sweeps them. */
@RegisterConstructorMapper(RetiredUploadDao.Row.class)
interface RetiredUploadDao {

    @SqlUpdate("UPDATE retired_uploads SET upload_id = :uploadId, retired_at = :retiredAt WHERE object_key = :key")
    int move(String key, String uploadId, Instant retiredAt);

    @SqlUpdate("INSERT INTO retired_uploads (object_key, upload_id, retired_at) VALUES (:key, :uploadId, :retiredAt)")
    void insert(String key, String uploadId, Instant retiredAt);

    @SqlQuery("""
            SELECT object_key, upload_id, retired_at FROM retired_uploads WHERE retired_at < :before
            ORDER BY retired_at, object_key
            LIMIT :limit""")
    List<Row> retiredBefore(Instant before, int limit);

    @SqlUpdate("DELETE FROM retired_uploads WHERE object_key = :key")
    void delete(String key);

    record Row(String objectKey, String uploadId, Instant retiredAt) {
    }
}
