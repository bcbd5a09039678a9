package dev.mosaic.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What H2 plans for the queries whose cost a batch create pays (issue 15), read from its {@code EXPLAIN}. */
class QueryPlanTest {
    @TempDir
    Path folder;
    PersistenceAdapter adapter;
    CountedJdbi jdbi;

    @BeforeEach
    void start() {
        adapter = H2Stores.startIn(folder);
        jdbi = new CountedJdbi(folder);
    }

    @AfterEach
    void stop() {
        jdbi.close();
        adapter.close();
    }

    @Test
    void theQuotasReadOfPendingUploadsHasEveryColumnItNeedsInOneIndex() {
        String plan = explain(AlbumStatements.USAGE.replaceFirst("\\?", "7").replaceFirst("\\?", "'UPLOADING'")
                .replaceFirst("\\?", "7").replaceFirst("\\?", "CURRENT_TIMESTAMP"));

        assertThat(plan).contains("ASSETS_PENDING_BY_OWNER: OWNER_ID = ").contains("MESSAGES_BY_SENDER_TIME");
        assertThat(indexColumns("ASSETS_PENDING_BY_OWNER"))
                .as("the sum and the minimum read the index's own columns: no row of the table is fetched")
                .isEqualTo("OWNER_ID, STAGE, EXPIRES_AT, FILE_SIZE");
    }

    private String explain(String query) {
        return jdbi.jdbi.withHandle(handle -> handle.createQuery("EXPLAIN " + query).mapTo(String.class).one())
                .toUpperCase(Locale.ROOT);
    }

    private String indexColumns(String index) {
        List<String> columns = jdbi.jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS
                        WHERE INDEX_NAME = :index ORDER BY ORDINAL_POSITION""")
                .bind("index", index)
                .mapTo(String.class)
                .list());
        return String.join(", ", columns);
    }
}
