package dev.mosaic.application.service;

import dev.mosaic.domain.UploadPolicy;
import dev.mosaic.domain.UploadQuota;
import java.time.Duration;
import java.util.Objects;

/**
 * The application's tunables.
 *
 * @param uploadUrlTtl       how long signed upload URLs stay valid
 * @param uploadDeadline     how long an asset may wait for its bytes before it expires
 * @param downloadUrlTtl     how long signed download and rendition URLs stay valid
 * @param firstPartBatch     how many part URLs the batch request carries per file
 * @param maxJobAttempts     processing runs before an asset is given up as failed
 * @param retryBackoff       the first retry's delay; each next one doubles
 * @param jobLease           how long a worker holds a job before another may take it
 * @param quota              what one user may have in flight, counted from the stored albums
 */
public record MosaicSettings(
        UploadPolicy policy,
        Duration uploadUrlTtl,
        Duration uploadDeadline,
        Duration downloadUrlTtl,
        int firstPartBatch,
        int maxJobAttempts,
        Duration retryBackoff,
        Duration jobLease,
        UploadQuota quota) {

    public MosaicSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(quota, "quota");
        if (firstPartBatch < 1 || firstPartBatch > 1000 || maxJobAttempts < 1) {
            throw new IllegalArgumentException("inconsistent settings");
        }
    }

    /** With the default quota. */
    public MosaicSettings(UploadPolicy policy, Duration uploadUrlTtl, Duration uploadDeadline, Duration downloadUrlTtl,
                          int firstPartBatch, int maxJobAttempts, Duration retryBackoff, Duration jobLease) {
        this(policy, uploadUrlTtl, uploadDeadline, downloadUrlTtl, firstPartBatch, maxJobAttempts, retryBackoff,
                jobLease, UploadQuota.defaults());
    }

    public static MosaicSettings defaults() {
        return new MosaicSettings(UploadPolicy.defaults(), Duration.ofHours(1), Duration.ofHours(24),
                Duration.ofHours(12), 100, 5, Duration.ofSeconds(2), Duration.ofMinutes(10));
    }

    public MosaicSettings withQuota(UploadQuota next) {
        return new MosaicSettings(policy, uploadUrlTtl, uploadDeadline, downloadUrlTtl, firstPartBatch, maxJobAttempts,
                retryBackoff, jobLease, next);
    }

    public MosaicSettings withJobLease(Duration lease) {
        return new MosaicSettings(policy, uploadUrlTtl, uploadDeadline, downloadUrlTtl, firstPartBatch, maxJobAttempts,
                retryBackoff, lease, quota);
    }

    public MosaicSettings withDownloadUrlTtl(Duration ttl) {
        return new MosaicSettings(policy, uploadUrlTtl, uploadDeadline, ttl, firstPartBatch, maxJobAttempts,
                retryBackoff, jobLease, quota);
    }

    public MosaicSettings withUploadUrlTtl(Duration ttl) {
        return new MosaicSettings(policy, ttl, uploadDeadline, downloadUrlTtl, firstPartBatch, maxJobAttempts,
                retryBackoff, jobLease, quota);
    }

    public MosaicSettings withUploadDeadline(Duration deadline) {
        return new MosaicSettings(policy, uploadUrlTtl, deadline, downloadUrlTtl, firstPartBatch, maxJobAttempts,
                retryBackoff, jobLease, quota);
    }
}
