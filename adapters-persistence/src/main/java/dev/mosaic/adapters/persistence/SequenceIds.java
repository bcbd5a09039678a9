package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Ids from database sequences: unique across nodes, never reused, even after a rollback. Plain JDBC: {@link Jdbc}. */
final class SequenceIds implements IdSource {
    /**
     * Albums of up to this many assets (the policy allows 10) have a query of their own, built once; a larger one
     * takes the dialect's query with the count as a parameter, so the statements a connection caches stay few.
     */
    private static final int CACHED_COUNTS = 16;

    private final JdbiTransactions transactions;
    private final Dialect dialect;
    private final List<Dialect.AlbumIds> albumIds;

    SequenceIds(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.albumIds = IntStream.rangeClosed(0, CACHED_COUNTS).mapToObj(this::query).toList();
    }

    private Dialect.AlbumIds query(int assets) {
        return dialect.albumIds("message_ids", "asset_ids", assets);
    }

    @Override
    public MessageId nextMessageId() {
        return MessageId.of(next("message_ids"));
    }

    @Override
    public AssetId nextAssetId() {
        return AssetId.of(next("asset_ids"));
    }

    /** All in one query, one round trip whatever the album's size. */
    @Override
    public NewAlbumIds forAlbum(int assets) {
        NewAlbumIds.requireCount(assets);
        Dialect.AlbumIds query = assets < albumIds.size() ? albumIds.get(assets)
                : new Dialect.AlbumIds(dialect.nextValueAndValues("message_ids", "asset_ids"), true);
        return transactions.withHandle(handle -> Jdbc.prepared(handle, query.sql(), statement -> {
            if (query.countBound()) {
                statement.setInt(1, assets);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return albumIds(row, 1, assets);
            }
        }));
    }

    /**
     * The album's ids from the row the result set is on: the message's in column {@code messageColumn}, the array of
     * the assets' (in no promised order) in the next one, which must hold exactly {@code assets} of them.
     */
    static NewAlbumIds albumIds(ResultSet row, int messageColumn, int assets) throws SQLException {
        MessageId message = MessageId.of(row.getLong(messageColumn));
        Array drawn = row.getArray(messageColumn + 1);
        List<AssetId> ids = Arrays.stream((Object[]) drawn.getArray())
                .map(value -> AssetId.of(((Number) value).longValue()))
                .sorted(Comparator.comparingLong(AssetId::value))
                .toList();
        drawn.free();
        if (ids.size() != assets) {
            throw new IllegalStateException("drew " + ids.size() + " asset ids for " + assets + " assets");
        }
        return new NewAlbumIds(message, ids);
    }

    private long next(String sequence) {
        String sql = dialect.nextValue(sequence);
        return transactions.withHandle(handle -> Jdbc.prepared(handle, sql, statement -> {
            try (ResultSet value = statement.executeQuery()) {
                value.next();
                return value.getLong(1);
            }
        }));
    }
}
