package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.T0;
import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.fake.Fixtures.AssetFixture;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
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
                .containsExactlyInAnyOrder("ID", "MESSAGE_ID, DISPLAY_ORDER",
                        "OWNER_ID, STAGE, EXPIRES_AT, FILE_SIZE", "STAGE, EXPIRES_AT", "UNSWEPT_SINCE");
    }

    @Test
    void anAlbumIsFoundByAnObjectKeyThroughItsAssetsPrimaryKey() {
        Message album = message(100).with(asset(500), asset(501)).build();
        adapter.messages().add(album);
        String key = album.assets().get(1).objectKey().value();

        String plan = explain("ANALYZE " + MessageDao.ASSET_WITH_KEY.replace(":assetId", "501")
                .replace(":objectKey", "'" + key + "'"));

        assertThat(plan).as("no index on object keys: the asset's own id finds it")
                .containsPattern("PRIMARY_KEY_[0-9A-F]+: ID = CAST\\(501 AS BIGINT\\) \\*/");
        assertThat(scanCount(plan)).isLessThanOrEqualTo(2);
        assertThat(adapter.messages().byObjectKey(album.assets().get(1).objectKey())).contains(album);
    }

    /** A review finding: with a check reading {@code messages} in its place, H2 refused to alter {@code messages}. */
    @Test
    void aLaterMigrationCanStillAddAndDropAColumnOfMessages() {
        adapter.messages().add(message(100).with(asset(500)).build());

        jdbi.jdbi.useHandle(handle -> {
            handle.execute("ALTER TABLE messages ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE");
            handle.execute("ALTER TABLE messages DROP COLUMN edited_at");
        });

        assertThat(adapter.messages().byId(new MessageId(100))).isPresent();
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
