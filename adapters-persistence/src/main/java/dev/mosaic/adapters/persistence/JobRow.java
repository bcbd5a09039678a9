package dev.mosaic.adapters.persistence;

/** The part of a {@code jobs} row a worker needs once it holds the job. */
record JobRow(long id, String kind, long assetId, int attempts) {
}
