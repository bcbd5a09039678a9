package dev.mosaic.bootstrap;

import dev.mosaic.adapters.http.TrafficLimits;
import dev.mosaic.adapters.http.TrafficLimits.RateLimit;
import dev.mosaic.domain.UploadQuota;

/**
 * What one client may take ({@code MOSAIC_HTTP_IDLE_TIMEOUT}, {@code MOSAIC_MIN_BODY_RATE}, the rate limits, the
 * socket caps and the quotas); see the README's table.
 *
 * @param traffic per-node limits, enforced in the HTTP adapter
 * @param quota   per-user quotas, counted from the database so they hold across nodes
 */
public record LimitsConfig(TrafficLimits traffic, UploadQuota quota) {

    static LimitsConfig read(Env env) {
        TrafficLimits defaults = TrafficLimits.defaults();
        TrafficLimits traffic = new TrafficLimits(
                env.duration("MOSAIC_HTTP_IDLE_TIMEOUT", defaults.idleTimeout()),
                env.number("MOSAIC_MIN_BODY_RATE", defaults.minBodyRate(), 1, 1L << 30),
                env.integer("MOSAIC_MAX_CONCURRENT_PUTS", defaults.maxConcurrentPuts(), 1, 10_000),
                rate(env, "MOSAIC_RATE_USER", defaults.perUser()),
                rate(env, "MOSAIC_RATE_ADDRESS", defaults.perAddress()),
                env.integer("MOSAIC_SOCKETS_PER_USER", defaults.socketsPerUser(), 1, 10_000),
                env.integer("MOSAIC_SOCKETS_PER_ADDRESS", defaults.socketsPerAddress(), 1, 100_000));
        UploadQuota quotaDefaults = UploadQuota.defaults();
        UploadQuota quota = new UploadQuota(
                env.integer("MOSAIC_QUOTA_PENDING_UPLOADS", quotaDefaults.maxPendingUploads(), 1, 1_000_000),
                env.number("MOSAIC_QUOTA_PENDING_BYTES", quotaDefaults.maxPendingBytes(), 1, Long.MAX_VALUE / 2),
                env.integer("MOSAIC_QUOTA_ALBUMS_PER_DAY", quotaDefaults.maxAlbumsPerDay(), 1, 10_000_000));
        return new LimitsConfig(traffic, quota);
    }

    /** {@code <prefix>_BURST} and {@code <prefix>_PER_SECOND}. */
    private static RateLimit rate(Env env, String prefix, RateLimit fallback) {
        return RateLimit.perSecond(
                env.number(prefix + "_BURST", fallback.burst(), 1, 1_000_000),
                env.number(prefix + "_PER_SECOND", fallback.refill(), 1, 1_000_000));
    }
}
