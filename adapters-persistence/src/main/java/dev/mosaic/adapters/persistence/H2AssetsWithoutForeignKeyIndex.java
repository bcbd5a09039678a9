package dev.mosaic.adapters.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * H2's migration 9 (PostgreSQL's is {@code db/postgresql/V9__…}): fewer B-tree rows per batch create (issue 15).
 * <ul>
 *   <li><b>No foreign key from an asset to its message on H2.</b> For the key {@code assets.message_id →
 *       messages.id}, H2 keeps a third index on {@code assets} ({@code CONSTRAINT_…_INDEX_…} on {@code message_id}):
 *       it reuses an index for a foreign key only when the index has exactly the key's columns, so
 *       {@code assets_order_unique (message_id, display_order)} cannot serve it, and every asset insert wrote a row
 *       into it. The key is dropped, not replaced: a {@code CHECK (EXISTS (SELECT … FROM messages …))} would make
 *       {@code assets} depend on {@code messages}, and H2 then refuses any later {@code ALTER TABLE messages ADD|DROP
 *       COLUMN} (it rebuilds the table by copy and drop), so a future migration would stop every H2 node from
 *       starting ({@code QueryPlanTest} runs one). What still keeps an asset with its message: assets are inserted
 *       only by {@code AlbumStatements}, in the album's transaction right after its message; no statement deletes a
 *       message or changes its id; and PostgreSQL, the clustered database, keeps the foreign key, so the contract
 *       tests that run on both would see an orphan there.</li>
 *   <li><b>Sequences cache 1,000 values</b> (H2's default 32): H2 writes a sequence's next cached bound to its
 *       metadata each time the cache runs out, every eighth create of an album of three. A crash skips at most the
 *       unused cached ids, which need no gap-free numbering (per-user event numbers are counters, not sequences); on
 *       H2 the cache is the database's, so ids still rise in the order they are drawn.</li>
 * </ul>
 * A Java migration because H2 named the foreign key itself ({@code CONSTRAINT_73} in a database migrated from V1):
 * it is looked up, not assumed.
 */
final class H2AssetsWithoutForeignKeyIndex implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("9");
    }

    @Override
    public String getDescription() {
        return "H2 assets without foreign key index";
    }

    @Override
    public Integer getChecksum() {
        return 9;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            // each statement commits on its own on H2: a second run after a failed one finds the key gone
            for (String key : foreignKeysOfAssets(statement)) {
                statement.execute("ALTER TABLE assets DROP CONSTRAINT \"" + key + "\"");
            }
            statement.execute("ALTER SEQUENCE message_ids CACHE 1000");
            statement.execute("ALTER SEQUENCE asset_ids CACHE 1000");
        }
    }

    private static List<String> foreignKeysOfAssets(Statement statement) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("""
                SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS
                WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = 'ASSETS' AND CONSTRAINT_TYPE = 'FOREIGN KEY'""")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        if (keys.size() > 1) {
            throw new SQLException("expected at most the one foreign key of assets (message_id), found " + keys);
        }
        return keys;
    }
}
