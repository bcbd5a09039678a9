package dev.mosaic.adapters.persistence;

import dev.mosaic.domain.UploadUsage;
import java.time.Instant;
import java.util.Optional;

/**
 * What a quota counts, in one row: a sender's uploads still waiting for their bytes and the albums of the window.
 *
 * @param earliestDeadline null when nothing is pending
 * @param oldestAlbum      null when no album is in the window
 */
record UsageRow(long pendingUploads, long pendingBytes, Instant earliestDeadline, long albums,
                       Instant oldestAlbum) {

    UploadUsage toUsage() {
        return new UploadUsage(Math.toIntExact(pendingUploads), pendingBytes, Optional.ofNullable(earliestDeadline),
                Math.toIntExact(albums), Optional.ofNullable(oldestAlbum));
    }
}
