package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.util.List;

/** Ids from database sequences: unique across nodes, never reused, even after a rollback. */
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
        return transactions.withHandle(handle -> handle.createQuery(dialect.nextValues("asset_ids"))
                .bind("count", count)
                .mapTo(Long.class)
                .map(AssetId::of)
                .list());
    }

    private long next(String sequence) {
        return transactions.withHandle(handle ->
                handle.createQuery(dialect.nextValue(sequence)).mapTo(Long.class).one());
    }
}
