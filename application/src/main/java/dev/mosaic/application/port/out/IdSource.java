package dev.mosaic.application.port.out;

import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;

/** Hands out new, never reused identifiers. */
public interface IdSource {

    MessageId nextMessageId();

    AssetId nextAssetId();
}
