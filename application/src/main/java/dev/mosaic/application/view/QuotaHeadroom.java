package dev.mosaic.application.view;

import dev.mosaic.domain.UploadQuota;
import dev.mosaic.domain.UploadUsage;

/**
 * A user's quotas and what is used of them now.
 *
 * @param pendingUploads uploads waiting for their bytes, of at most {@code maxPendingUploads}
 * @param pendingBytes   their declared bytes, of at most {@code maxPendingBytes}
 * @param albumsToday    albums sent in the last 24 hours, of at most {@code maxAlbumsPerDay}
 */
public record QuotaHeadroom(int pendingUploads, int maxPendingUploads, long pendingBytes, long maxPendingBytes,
                            int albumsToday, int maxAlbumsPerDay) {

    public static QuotaHeadroom of(UploadUsage usage, UploadQuota quota) {
        return new QuotaHeadroom(usage.pendingUploads(), quota.maxPendingUploads(), usage.pendingBytes(),
                quota.maxPendingBytes(), usage.albumsInWindow(), quota.maxAlbumsPerDay());
    }
}
