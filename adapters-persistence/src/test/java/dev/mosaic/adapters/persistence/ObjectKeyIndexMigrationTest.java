package dev.mosaic.adapters.persistence;

import static dev.mosaic.application.fake.Fixtures.asset;
import static dev.mosaic.application.fake.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.domain.Message;
import dev.mosaic.domain.ObjectKey;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database at migration 9, with an album in it, loses the unique index on object keys (migration 10). */
class ObjectKeyIndexMigrationTest {
    private static final String CONSTRAINTS = """
            SELECT LOWER(CONSTRAINT_NAME) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
            WHERE LOWER(TABLE_NAME) = 'assets' AND CONSTRAINT_TYPE = 'UNIQUE'""";

    @TempDir
    Path folder;

    @Test
    void anH2DatabaseDropsTheConstraintAndStillFindsItsAlbumsByKey() {
        migratesAndFinds(PersistenceSettings.h2File(folder), Dialect.H2);
    }

    @Test
    void aPostgresDatabaseDropsTheConstraintAndItsIndexAndStillFindsItsAlbumsByKey() {
        PersistenceSettings database = PostgresStores.emptyDatabase();

        migratesAndFinds(database, Dialect.POSTGRESQL);

        List<String> indexes = Jdbi.create(database.jdbcUrl(), database.user(), database.password())
                .withHandle(handle -> handle.createQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'assets'")
                        .mapTo(String.class).list());
        assertThat(indexes).as("no index left on object_key").noneMatch(index -> index.contains("object_key"))
                .anyMatch(index -> index.contains("(id)"));
    }

    private static void migratesAndFinds(PersistenceSettings settings, Dialect dialect) {
        PersistenceAdapter.migrations(Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(),
                settings.password()), dialect).target("9").load().migrate();
        Jdbi jdbi = Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
        Message album = message(100).with(asset(500), asset(501)).build();
        jdbi.useHandle(handle -> AlbumStatements.insert(handle, AssetMapping.toRow(album),
                List.of(AssetMapping.toRow(album.assets().get(0), 0), AssetMapping.toRow(album.assets().get(1), 1))));
        assertThat(uniqueConstraintsOfAssets(jdbi)).contains("assets_object_key_unique");

        try (PersistenceAdapter adapter = PersistenceAdapter.start(settings)) {
            assertThat(uniqueConstraintsOfAssets(jdbi)).containsExactly("assets_order_unique");
            for (int i = 0; i < 2; i++) {
                assertThat(adapter.messages().byObjectKey(album.assets().get(i).objectKey())).contains(album);
            }
            assertThat(adapter.messages().byObjectKey(new ObjectKey("raw/1/501/photo_500.jpg"))).isEmpty();
        }
    }

    private static List<String> uniqueConstraintsOfAssets(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(CONSTRAINTS).mapTo(String.class).list());
    }
}
