package dev.mosaic.domain;

/**
 * A part as the store holds it.
 *
 * @param etag the store's ETag (for S3 and GCS, the hex MD5 of the part), empty when unknown
 */
public record UploadedPart(int number, long size, String etag) {
}
