package dev.mosaic.application.view;

/** Where to PUT one part, and exactly how many bytes it must be. */
public record PartUrl(int partNumber, String url, long size) {
}
