package dev.mosaic.adapters.storage.s3;

/** One part as the store itself lists it. */
record StoredPart(int number, long size, String etag) {
}
