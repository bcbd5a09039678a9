package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;

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

    private long next(String sequence) {
        return transactions.withHandle(handle ->
                handle.createQuery(dialect.nextValue(sequence)).mapTo(Long.class).one());
    }
}
