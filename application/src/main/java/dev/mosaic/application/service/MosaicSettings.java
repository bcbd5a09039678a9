package dev.mosaic.application.service;

import dev.mosaic.domain.UploadPolicy;
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
 */
public record MosaicSettings(
        UploadPolicy policy,
        Duration uploadUrlTtl,
        Duration uploadDeadline,
        Duration downloadUrlTtl,
        int firstPartBatch,
        int maxJobAttempts,
        Duration retryBackoff,
        Duration jobLease) {

    public MosaicSettings {
        Objects.requireNonNull(policy, "policy");
        if (firstPartBatch < 1 || firstPartBatch > 1000 || maxJobAttempts < 1) {
            throw new IllegalArgumentException("inconsistent settings");
        }
    }

    public static MosaicSettings defaults() {
        return new MosaicSettings(UploadPolicy.defaults(), Duration.ofHours(1), Duration.ofHours(24),
                Duration.ofHours(12), 100, 5, Duration.ofSeconds(2), Duration.ofMinutes(10));
    }

    public MosaicSettings withJobLease(Duration lease) {
        return new MosaicSettings(policy, uploadUrlTtl, uploadDeadline, downloadUrlTtl, firstPartBatch, maxJobAttempts,
                retryBackoff, lease);
    }

    public MosaicSettings withDownloadUrlTtl(Duration ttl) {
        return new MosaicSettings(policy, uploadUrlTtl, uploadDeadline, ttl, firstPartBatch, maxJobAttempts,
                retryBackoff, jobLease);
    }

    public MosaicSettings withUploadDeadline(Duration deadline) {
        return new MosaicSettings(policy, uploadUrlTtl, deadline, downloadUrlTtl, firstPartBatch, maxJobAttempts,
                retryBackoff, jobLease);
    }
}
