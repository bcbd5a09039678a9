package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Deterministic ids: messages 100, 101, 102…; assets 500, 501, 502…. */
public final class SequentialIds implements IdSource {
    public static final long FIRST_MESSAGE_ID = 100;
    public static final long FIRST_ASSET_ID = 500;

    private final AtomicLong messages = new AtomicLong(FIRST_MESSAGE_ID);
    private final AtomicLong assets = new AtomicLong(FIRST_ASSET_ID);
    private final AtomicInteger albums = new AtomicInteger();

    @Override
    public MessageId nextMessageId() {
        return MessageId.of(messages.getAndIncrement());
    }

    @Override
    public AssetId nextAssetId() {
        return AssetId.of(assets.getAndIncrement());
    }

    /** The port's own way, counted: a database adapter draws an album's ids in one round trip. */
    @Override
    public NewAlbumIds forAlbum(int assets) {
        albums.incrementAndGet();
        return IdSource.super.forAlbum(assets);
    }

    /** How many times {@link #forAlbum} was asked. */
    public int albumsDrawn() {
        return albums.get();
    }
}
