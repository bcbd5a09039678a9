package dev.mosaic.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * How much one user may have in flight: uploads waiting for their bytes (count and declared bytes) and albums per
 * rolling {@link #WINDOW}. Counted from the stored albums, so it holds across nodes and restarts.
 */
public record UploadQuota(int maxPendingUploads, long maxPendingBytes, int maxAlbumsPerDay) {

    public static final Duration WINDOW = Duration.ofHours(24);

    public UploadQuota {
        if (maxPendingUploads < 1 || maxPendingBytes < 1 || maxAlbumsPerDay < 1) {
            throw new IllegalArgumentException("quotas must be positive");
        }
    }

    /** 100 pending uploads, 50 GiB of them, 1,000 albums a day. */
    public static UploadQuota defaults() {
        return new UploadQuota(100, 50L * 1024 * UploadPolicy.MIB, 1000);
    }

    /** The first quota that one more album of {@code uploads} files, {@code bytes} in all, would exceed. */
    public Optional<QuotaBreach> check(UploadUsage usage, int uploads, long bytes) {
        if (usage.albumsInWindow() + 1 > maxAlbumsPerDay) {
            return Optional.of(new QuotaBreach(QuotaBreach.Quota.ALBUMS_PER_DAY, maxAlbumsPerDay,
                    usage.oldestAlbumInWindow().map(oldest -> oldest.plus(WINDOW))));
        }
        return checkUploads(usage, uploads, bytes);
    }

    /** The first quota that {@code uploads} more pending uploads, {@code bytes} in all, would exceed (a replaced cell's). */
    public Optional<QuotaBreach> checkUploads(UploadUsage usage, int uploads, long bytes) {
        if (usage.pendingUploads() + uploads > maxPendingUploads) {
            return Optional.of(new QuotaBreach(QuotaBreach.Quota.PENDING_UPLOADS, maxPendingUploads,
                    usage.earliestPendingDeadline()));
        }
        if (usage.pendingBytes() + bytes > maxPendingBytes) {
            return Optional.of(new QuotaBreach(QuotaBreach.Quota.PENDING_BYTES, maxPendingBytes,
                    usage.earliestPendingDeadline()));
        }
        return Optional.empty();
    }
}
