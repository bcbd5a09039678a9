package dev.mosaic.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one user has in flight, as counted from the stored albums: uploads not yet completed (count and declared
 * bytes) and albums sent in the last {@link UploadQuota#WINDOW}.
 *
 * @param earliestPendingDeadline when the first of the pending uploads expires, if any is pending
 * @param oldestAlbumInWindow     when the oldest album of the window was sent, if any was
 */
public record UploadUsage(int pendingUploads, long pendingBytes, Optional<Instant> earliestPendingDeadline,
                          int albumsInWindow, Optional<Instant> oldestAlbumInWindow) {

    public UploadUsage {
        if (pendingUploads < 0 || pendingBytes < 0 || albumsInWindow < 0) {
            throw new IllegalArgumentException("usage counts are never negative");
        }
        Objects.requireNonNull(earliestPendingDeadline, "earliestPendingDeadline");
        Objects.requireNonNull(oldestAlbumInWindow, "oldestAlbumInWindow");
    }

    public static UploadUsage none() {
        return new UploadUsage(0, 0, Optional.empty(), 0, Optional.empty());
    }
}
