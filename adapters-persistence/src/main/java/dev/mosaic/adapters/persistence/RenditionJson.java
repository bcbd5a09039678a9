package dev.mosaic.adapters.persistence;

/** One element of the {@code assets.renditions} JSON array. */
record RenditionJson(String kind, String objectKey, String contentType, int width, int height) {
}
