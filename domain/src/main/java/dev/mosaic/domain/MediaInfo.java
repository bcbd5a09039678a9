package dev.mosaic.domain;

/**
 * What is known of an asset's picture: from the client's hints first, from processing later.
 * Absent numbers are null.
 */
public record MediaInfo(Integer width, Integer height, Long durationMillis, String placeholder) {
    public static final MediaInfo NONE = new MediaInfo(null, null, null, null);

    public MediaInfo {
        if ((width != null && width <= 0) || (height != null && height <= 0)
                || (durationMillis != null && durationMillis < 0)) {
            throw new IllegalArgumentException("media numbers must be positive");
        }
    }

    /** Facts found by processing replace hints; what processing did not find is kept. */
    public MediaInfo overriddenBy(MediaInfo found) {
        return new MediaInfo(
                found.width != null ? found.width : width,
                found.height != null ? found.height : height,
                found.durationMillis != null ? found.durationMillis : durationMillis,
                found.placeholder != null ? found.placeholder : placeholder);
    }
}
