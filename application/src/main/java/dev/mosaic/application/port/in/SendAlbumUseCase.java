package dev.mosaic.application.port.in;

import dev.mosaic.application.view.AlbumCreated;

/** Step 1 of the guide: one request creates the message, its assets and their upload instructions. */
@FunctionalInterface
public interface SendAlbumUseCase {

    AlbumCreated send(SendAlbumCommand command);
}
