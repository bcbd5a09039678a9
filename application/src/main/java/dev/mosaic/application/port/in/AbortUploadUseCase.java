package dev.mosaic.application.port.in;

import dev.mosaic.application.view.AssetView;

@FunctionalInterface
public interface AbortUploadUseCase {

    /** Cancels an upload in progress; aborting again answers the current state. */
    AssetView abort(AbortUploadCommand command);
}
