package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Ids from database sequences: unique across nodes, never reused, even after a rollback. Plain JDBC: {@link Jdbc}. */
final class SequenceIds implements IdSource {
    private final JdbiTransactions transactions;
    private final Dialect dialect;
    private final String albumIds;

    SequenceIds(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.albumIds = dialect.nextValueAndValues("message_ids", "asset_ids");
    }

    @Override
    public MessageId nextMessageId() {
        return MessageId.of(next("message_ids"));
    }

    @Override
    public AssetId nextAssetId() {
        return AssetId.of(next("asset_ids"));
    }

    /** All in one query, one round trip whatever the album's size: the message's row first, then the assets'. */
    @Override
    public NewAlbumIds forAlbum(int assets) {
        return transactions.withHandle(handle -> Jdbc.prepared(handle, albumIds, statement -> {
            statement.setInt(1, assets);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                MessageId message = MessageId.of(rows.getLong(2));
                List<AssetId> ids = new ArrayList<>(assets);
                while (rows.next()) {
                    ids.add(AssetId.of(rows.getLong(2)));
                }
                return new NewAlbumIds(message, ids);
            }
        }));
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
