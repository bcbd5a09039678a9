package dev.mosaic.domain;

/** One part as the client reports it at completion: its number and the ETag storage answered. */
public record CompletedPart(int partNumber, String etag) {
}
