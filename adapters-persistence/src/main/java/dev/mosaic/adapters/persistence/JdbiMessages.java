package dev.mosaic.adapters.persistence;

import static java.util.stream.Collectors.groupingBy;

import dev.mosaic.application.port.out.Messages;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UploadUsage;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

final class JdbiMessages implements Messages {
    private final JdbiTransactions transactions;

    JdbiMessages(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Message message) {
        List<AssetRow> assets = IntStream.range(0, message.assets().size())
                .mapToObj(order -> AssetMapping.toRow(message.assets().get(order), order))
                .toList();
        transactions.withHandle(handle -> {
            AlbumStatements.insert(handle, AssetMapping.toRow(message), assets);
            return null;
        });
    }

    @Override
    public Optional<Message> byId(MessageId id) {
        return transactions.withDao(MessageDao.class, dao -> load(dao, id.value()));
    }

    /** Two statements: the album, then its assets. */
    @Override
    public Optional<Message> byAsset(AssetId id) {
        return transactions.withDao(MessageDao.class,
                dao -> dao.messageOfAsset(id.value()).map(row -> withAssets(dao, row)));
    }

    /** Two statements: the album, locked, then its assets. */
    @Override
    public Optional<Message> lockByAsset(AssetId id) {
        return transactions.withDao(MessageDao.class,
                dao -> dao.lockMessageOfAsset(id.value()).map(row -> withAssets(dao, row)));
    }

    /** Two statements, as by asset; none for a key that names no asset. */
    @Override
    public Optional<Message> byObjectKey(ObjectKey key) {
        return key.asset().flatMap(asset -> transactions.withDao(MessageDao.class,
                dao -> dao.messageOfAssetWithKey(asset.value(), key.value()).map(row -> withAssets(dao, row))));
    }

    @Override
    public void update(Asset next) {
        // the order column is not updated, so any value does
        AssetRow row = AssetMapping.toRow(next, 0);
        if (transactions.withDao(MessageDao.class, dao -> dao.updateAsset(row)) != 1) {
            throw new IllegalStateException("no asset " + next.id() + " in message " + next.messageId());
        }
    }

    @Override
    public UploadUsage usage(UserId sender, Instant windowStart) {
        UsageRow row = transactions.withHandle(
                handle -> AlbumStatements.usage(handle, sender.value(), Stage.UPLOADING.name(), windowStart));
        return row.toUsage();
    }

    @Override
    public List<Message> conversation(UserId one, UserId other, Optional<MessageId> before, int limit) {
        long cursor = before.map(MessageId::value).orElse(Long.MAX_VALUE);
        return transactions.withDao(MessageDao.class, dao ->
                withAssets(dao, dao.conversation(one.value(), other.value(), cursor, Math.max(limit, 0))));
    }

    @Override
    public List<Asset> uploadsExpiredAt(Instant now, int limit) {
        return transactions.withDao(MessageDao.class,
                dao -> dao.deadlinePassed(Stage.UPLOADING.name(), now, Math.max(limit, 0))).stream()
                .map(AssetMapping::toAsset)
                .toList();
    }

    @Override
    public List<Asset> unsweptBefore(Instant before, int limit) {
        return transactions.withDao(MessageDao.class,
                        dao -> dao.unsweptBetween(Instant.EPOCH, before, Math.max(limit, 0))).stream()
                .map(AssetMapping::toAsset)
                .toList();
    }

    @Override
    public void swept(Asset asset) {
        transactions.withDao(MessageDao.class, dao -> dao.markSwept(asset.id().value(), asset.updatedAt()));
    }

    @Override
    public void sweepLater(Asset asset, Instant at) {
        transactions.withDao(MessageDao.class, dao -> dao.sweepLater(asset.id().value(), asset.updatedAt(), at));
    }

    @Override
    public void retire(RetiredUpload upload) {
        String key = upload.key().value();
        String uploadId = upload.uploadId().orElse(null);
        transactions.withDao(RetiredUploadDao.class, dao -> {
            if (dao.move(key, uploadId, upload.retiredAt()) == 0) {
                dao.insert(key, uploadId, upload.retiredAt());
            }
            return null;
        });
    }

    @Override
    public List<RetiredUpload> retiredBefore(Instant before, int limit) {
        return transactions.withDao(RetiredUploadDao.class, dao -> dao.retiredBefore(before, Math.max(limit, 0)))
                .stream()
                .map(row -> new RetiredUpload(new ObjectKey(row.objectKey()), Optional.ofNullable(row.uploadId()),
                        row.retiredAt()))
                .toList();
    }

    @Override
    public void forget(RetiredUpload upload) {
        transactions.withDao(RetiredUploadDao.class, dao -> {
            dao.delete(upload.key().value());
            return null;
        });
    }

    private static Optional<Message> load(MessageDao dao, long id) {
        return dao.message(id).map(row -> AssetMapping.toMessage(row, dao.assetsOf(List.of(id))));
    }

    private static Message withAssets(MessageDao dao, MessageRow row) {
        return AssetMapping.toMessage(row, dao.assetsOf(List.of(row.id())));
    }

    private static List<Message> withAssets(MessageDao dao, List<MessageRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AssetRow>> assets = dao.assetsOf(rows.stream().map(MessageRow::id).toList()).stream()
                .collect(groupingBy(AssetRow::messageId));
        return rows.stream()
                .map(row -> AssetMapping.toMessage(row, assets.getOrDefault(row.id(), List.of())))
                .toList();
    }
}
