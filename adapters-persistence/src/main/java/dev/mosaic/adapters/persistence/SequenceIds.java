package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Ids from database sequences: unique across nodes, never reused, even after a rollback. Plain JDBC: {@link Jdbc}. */
final class SequenceIds implements IdSource {
    private final JdbiTransactions transactions;
    private final Dialect dialect;

    SequenceIds(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    @Override
    public MessageId nextMessageId() {
        return MessageId.of(next("message_ids"));
    }

    @Override
    public AssetId nextAssetId() {
        return AssetId.of(next("asset_ids"));
    }

    /** All in one query: one round trip whatever the album's size. */
    @Override
    public List<AssetId> nextAssetIds(int count) {
        if (count < 1) {
            return List.of();
        }
        String sql = dialect.nextValues("asset_ids");
        return transactions.withHandle(handle -> Jdbc.prepared(handle, sql, statement -> {
            statement.setInt(1, count);
            List<AssetId> ids = new ArrayList<>(count);
            try (ResultSet values = statement.executeQuery()) {
                while (values.next()) {
                    ids.add(AssetId.of(values.getLong(1)));
                }
            }
            return ids;
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
