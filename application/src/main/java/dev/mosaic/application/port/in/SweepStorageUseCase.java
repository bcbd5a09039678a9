package dev.mosaic.application.port.in;

/**
 * The janitor's clean-up of stored objects that belong to no live asset: what an upload left once it can no
 * longer write (its upload copy, multipart leftovers), and every object of an asset that was not kept.
 */
@FunctionalInterface
public interface SweepStorageUseCase {

    /** Answers how many assets were swept in this pass (at most one batch). */
    int sweepSettled();
}
