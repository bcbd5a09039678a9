package dev.mosaic.application.port.in;

import dev.mosaic.application.view.AssetView;

@FunctionalInterface
public interface CompleteUploadUseCase {

    /** Verifies and queues processing; completing again answers the current state. */
    AssetView complete(CompleteUploadCommand command);
}
