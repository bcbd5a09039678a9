package dev.mosaic.adapters.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mosaic.adapters.http.TrafficLimits.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket (Bucket4j) per key, in this node's memory: no database round trip per request. A bucket left
 * alone long enough to be full again is the same as a new one, so it is evicted then (Caffeine), and at most
 * {@link #MAX_KEYS} are kept: memory stays bounded whoever calls.
 *
 * @param <K> what a bucket belongs to: a user, a client address
 */
final class RateLimiter<K> {

    static final long MAX_KEYS = 100_000;

    private final RateLimit limit;
    private final String scope;
    private final Cache<K, Bucket> buckets;

    RateLimiter(RateLimit limit, String scope) {
        this.limit = limit;
        this.scope = scope;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(limit.refillTime().plusSeconds(1))
                .maximumSize(MAX_KEYS)
                .build();
    }

    /** Takes one token from {@code key}'s bucket, or throws {@link RateLimited} saying when to come back. */
    void take(K key) {
        ConsumptionProbe probe = buckets.get(key, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new RateLimited(scope, seconds);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.refill(), limit.period()))
                .build();
    }
}
