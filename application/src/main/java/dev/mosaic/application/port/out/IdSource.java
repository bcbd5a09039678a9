package dev.mosaic.application.port.out;

import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.util.stream.Stream;

/**
 * Hands out new identifiers, unique among stored rows; an id may be skipped (drawn for an album whose storing then
 * failed, or cached by a database that crashed).
 */
public interface IdSource {

    MessageId nextMessageId();

    AssetId nextAssetId();

    /** Every id a new album of {@code assets} assets needs; an adapter may draw them all in one round trip. */
    default NewAlbumIds forAlbum(int assets) {
        NewAlbumIds.requireCount(assets);
        return new NewAlbumIds(nextMessageId(), Stream.generate(this::nextAssetId).limit(assets).toList());
    }
}
