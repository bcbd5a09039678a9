package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.Fixtures.AssetFixture;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.Message;
import java.sql.SQLException;
import java.time.Instant;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
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

    @Test
    void everyIndexOfAssetsServesAQueryOrAGuaranteeAndNoneDuplicatesAnother() {
        List<String> indexes = jdbi.jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'ASSETS'""")
                .mapTo(String.class).list());

        assertThat(indexes.stream().map(this::indexColumns))
                .as("each index is a B-tree row per asset inserted; H2 made one more on MESSAGE_ID for the foreign key")
                .containsExactlyInAnyOrder("ID", "OBJECT_KEY", "MESSAGE_ID, DISPLAY_ORDER",
                        "OWNER_ID, STAGE, EXPIRES_AT, FILE_SIZE", "STAGE, EXPIRES_AT", "UNSWEPT_SINCE");
    }

    @Test
    void anAssetOfAMessageThatDoesNotExistIsRefused() {
        adapter.messages().add(message(100).with(asset(500)).build());
        String insert = "INSERT INTO assets (" + MessageDao.ASSET_COLUMNS + ") SELECT 501, %d, 1, owner_id, kind,"
                + " file_name, content_type, 'elsewhere', upload_mode, file_size, part_size, num_parts, upload_id,"
                + " stage, progress, width, height, duration_millis, placeholder, renditions, failure_code, created_at,"
                + " updated_at, expires_at, caption, alt_text, superseded_keys FROM assets WHERE id = 500";

        assertThatThrownBy(() -> jdbi.jdbi.useHandle(handle -> handle.execute(insert.formatted(101))))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .cause().isInstanceOf(SQLException.class).hasMessageContaining("ASSETS_MESSAGE_EXISTS");
        assertThatThrownBy(() -> jdbi.jdbi.useHandle(handle -> handle.execute(
                        "UPDATE assets SET message_id = 101 WHERE id = 500")))
                .hasMessageContaining("ASSETS_MESSAGE_EXISTS");
        jdbi.jdbi.useHandle(handle -> handle.execute(insert.formatted(100)));
        long messageOf501 = jdbi.jdbi.withHandle(handle -> handle.createQuery(
                "SELECT message_id FROM assets WHERE id = 501").mapTo(Long.class).one());
        assertThat(messageOf501).isEqualTo(100);
    }

    @Test
    void theStorageSweepReadsOnlyTheAssetsWaitingForIt() {
        Message album = message(100).with(LongStream.rangeClosed(500, 529).mapToObj(id -> asset(id))
                .toArray(AssetFixture[]::new)).build();
        adapter.messages().add(album);
        Asset cancelled = album.assets().get(3).cancel(T0.plusSeconds(60)).asset();
        adapter.transactions().run(() -> adapter.messages().update(cancelled));
        String query = MessageDao.UNSWEPT_BETWEEN
                .replace(":floor", "TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00Z'")
                .replace(":before", "TIMESTAMP WITH TIME ZONE '2100-01-01 00:00:00Z'").replace(":limit", "100");

        String plan = explain("ANALYZE " + query);

        assertThat(plan).contains("ASSETS_UNSWEPT: UNSWEPT_SINCE >= ");
        assertThat(scanCount(plan)).as("the 29 assets still uploading are not read").isLessThanOrEqualTo(2);
        assertThat(adapter.messages().unsweptBefore(Instant.parse("2100-01-01T00:00:00Z"), 100))
                .containsExactly(cancelled);
    }

    private static int scanCount(String plan) {
        Matcher matcher = Pattern.compile("SCANCOUNT: (\\d+)").matcher(plan);
        assertThat(matcher.find()).as(plan).isTrue();
        return Integer.parseInt(matcher.group(1));
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
