package dev.mosaic.application.port.out;

import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.util.List;
import java.util.stream.Stream;

/** Hands out new, never reused identifiers. */
public interface IdSource {

    MessageId nextMessageId();

    AssetId nextAssetId();

    /** {@code count} new asset ids; an adapter may hand them out in one round trip. */
    default List<AssetId> nextAssetIds(int count) {
        return Stream.generate(this::nextAssetId).limit(count).toList();
    }
}
