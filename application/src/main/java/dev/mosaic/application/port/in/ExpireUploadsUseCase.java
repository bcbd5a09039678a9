package dev.mosaic.application.port.in;

/** Gives up uploads never completed in time: aborts, deletes, and tells both users. */
@FunctionalInterface
public interface ExpireUploadsUseCase {

    /** Answers how many uploads expired in this pass. */
    int expireDue();
}
