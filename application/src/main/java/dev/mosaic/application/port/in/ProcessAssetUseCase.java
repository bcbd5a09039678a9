package dev.mosaic.application.port.in;

import dev.mosaic.domain.AssetId;

/** Runs media processing for one completed asset and reports each stage as it is reached. */
@FunctionalInterface
public interface ProcessAssetUseCase {

    void process(AssetId asset);
}
