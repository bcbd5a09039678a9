package dev.mosaic.application.port.in;

import dev.mosaic.application.view.UploadInstruction;

/** The sender puts another file in one cell of an album: a retry of a failed one, or a swap of a ready one. */
@FunctionalInterface
public interface ReplaceAssetUseCase {

    /** The upload instruction for the new file: the same asset, at the same place, under a new object key. */
    UploadInstruction replace(ReplaceAssetCommand command);
}
