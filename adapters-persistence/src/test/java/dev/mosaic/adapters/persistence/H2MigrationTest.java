package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database made before H2's migration 9 ({@link H2AssetsWithoutForeignKeyIndex}), with albums in it, moves to it. */
class H2MigrationTest {
    @TempDir
    Path folder;

    @Test
    void aDatabaseWithAlbumsLosesTheForeignKeyAndItsIndexAndKeepsItsAlbums() {
        PersistenceSettings settings = PersistenceSettings.h2File(folder);
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("8").load().migrate();
        Jdbi jdbi = Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
        Message album = message(100).with(asset(500), asset(501)).build();
        jdbi.useHandle(handle -> AlbumStatements.insert(handle, AssetMapping.toRow(album),
                List.of(AssetMapping.toRow(album.assets().get(0), 0), AssetMapping.toRow(album.assets().get(1), 1))));
        assertThat(constraintsOfAssets(jdbi)).contains("FOREIGN KEY");

        try (PersistenceAdapter adapter = PersistenceAdapter.start(settings)) {
            assertThat(adapter.messages().byId(MessageId.of(100))).contains(album);
            assertThat(constraintsOfAssets(jdbi)).doesNotContain("FOREIGN KEY")
                    .containsExactlyInAnyOrder("PRIMARY KEY", "UNIQUE", "CHECK ASSETS_PROGRESS_RANGE",
                            "CHECK ASSETS_UPLOAD_MODE");
            List<Long> caches = jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT CACHE FROM INFORMATION_SCHEMA.SEQUENCES ORDER BY SEQUENCE_NAME").mapTo(Long.class).list());
            assertThat(caches).containsExactly(1000L, 1000L);
        }
    }

    private static List<String> constraintsOfAssets(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT CASE CONSTRAINT_TYPE WHEN 'CHECK' THEN 'CHECK ' || CONSTRAINT_NAME ELSE CONSTRAINT_TYPE END
                        FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME = 'ASSETS'""")
                .mapTo(String.class).list());
    }
}
