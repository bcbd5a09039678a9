package dev.mosaic.adapters.persistence;

import java.time.Instant;

/**
 * What a quota counts, in one row: a sender's uploads still waiting for their bytes and the albums of the window.
 *
 * @param earliestDeadline null when nothing is pending
 * @param oldestAlbum      null when no album is in the window
 */
record UsageRow(long pendingUploads, long pendingBytes, Instant earliestDeadline, long albums,
                       Instant oldestAlbum) {
}
