package dev.mosaic.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.domain.AssetId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PostgresIdSourceContractTest extends SequenceIdsChecks {

    @Override
    PersistenceAdapter start() {
        return PostgresStores.start();
    }

    /**
     * An album's ids come from a statement the server plans once per connection and then reuses: with the count bound
     * to {@code generate_series(1, ?)} it chose a fresh custom plan on every execution (BENCHMARK.md, ninth session).
     * One connection, so every create runs on the session whose prepared statements are read.
     */
    @Test
    void anAlbumsIdsAreNotPlannedAgainForEveryAlbum() {
        try (PersistenceAdapter adapter = PersistenceAdapter.start(PostgresStores.freshDatabase(1))) {
            List<NewAlbumIds> albums = IntStream.range(0, 20).mapToObj(i -> adapter.ids().forAlbum(3)).toList();

            long[] plans = ((JdbiTransactions) adapter.transactions()).withHandle(handle -> handle.createQuery("""
                            SELECT COALESCE(SUM(generic_plans), 0), COALESCE(SUM(custom_plans), 0)
                            FROM pg_prepared_statements WHERE statement LIKE '%asset_ids%'""")
                    .map((row, context) -> new long[] {row.getLong(1), row.getLong(2)}).one());

            assertThat(plans[1]).as("custom plans").isZero();
            assertThat(plans[0]).as("executions of the server-prepared, generic plan").isGreaterThanOrEqualTo(10);
            assertThat(albums.get(19).assets()).extracting(AssetId::value).containsExactly(58L, 59L, 60L);
            assertThat(albums.get(19).message().value()).isEqualTo(20);
        }
    }
}
