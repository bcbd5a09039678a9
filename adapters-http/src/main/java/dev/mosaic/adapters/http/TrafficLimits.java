package dev.mosaic.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may take from this node: how slowly it may send, how often it may call, how many sockets it may
 * hold. Every limit is per node; behind a load balancer of N nodes a client gets at most N times it.
 *
 * @param idleTimeout         a connection that sends nothing for this long (headers or body) is cut off
 * @param minBodyRate         bytes per second a request body must average once it has started; slower is a 408
 * @param maxConcurrentPuts   storage PUTs streamed at once (each holds a thread); more wait, without a thread, for
 *                            a free slot for up to {@code idleTimeout}
 * @param perUser             requests and socket connects of one signed-in user
 * @param perAddress          requests and socket connects from one client address where no user is known yet
 * @param socketsPerUser      open sockets of one user on this node; a new one closes that user's oldest
 * @param socketsPerAddress   sockets not yet signed in from one client address; more are refused
 */
public record TrafficLimits(Duration idleTimeout, long minBodyRate, int maxConcurrentPuts, RateLimit perUser,
                            RateLimit perAddress, int socketsPerUser, int socketsPerAddress) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MIN_BODY_RATE = 1024;
    public static final int DEFAULT_MAX_CONCURRENT_PUTS = 100;
    public static final RateLimit DEFAULT_PER_USER = RateLimit.perSecond(120, 20);
    public static final RateLimit DEFAULT_PER_ADDRESS = RateLimit.perSecond(60, 10);
    public static final int DEFAULT_SOCKETS_PER_USER = 10;
    public static final int DEFAULT_SOCKETS_PER_ADDRESS = 20;

    public TrafficLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        if (minBodyRate < 1) {
            throw new IllegalArgumentException("minBodyRate must be positive");
        }
        if (maxConcurrentPuts < 1) {
            throw new IllegalArgumentException("maxConcurrentPuts must be positive");
        }
        Objects.requireNonNull(perUser, "perUser");
        Objects.requireNonNull(perAddress, "perAddress");
        if (socketsPerUser < 1 || socketsPerAddress < 1) {
            throw new IllegalArgumentException("socket caps must be positive");
        }
    }

    public static TrafficLimits defaults() {
        return new TrafficLimits(DEFAULT_IDLE_TIMEOUT, DEFAULT_MIN_BODY_RATE, DEFAULT_MAX_CONCURRENT_PUTS,
                DEFAULT_PER_USER, DEFAULT_PER_ADDRESS, DEFAULT_SOCKETS_PER_USER, DEFAULT_SOCKETS_PER_ADDRESS);
    }

    public TrafficLimits withIdleTimeout(Duration timeout) {
        return new TrafficLimits(timeout, minBodyRate, maxConcurrentPuts, perUser, perAddress, socketsPerUser,
                socketsPerAddress);
    }

    public TrafficLimits withMinBodyRate(long bytesPerSecond) {
        return new TrafficLimits(idleTimeout, bytesPerSecond, maxConcurrentPuts, perUser, perAddress, socketsPerUser,
                socketsPerAddress);
    }

    public TrafficLimits withRates(RateLimit user, RateLimit address) {
        return new TrafficLimits(idleTimeout, minBodyRate, maxConcurrentPuts, user, address, socketsPerUser,
                socketsPerAddress);
    }

    public TrafficLimits withSockets(int perUserCap, int perAddressCap) {
        return new TrafficLimits(idleTimeout, minBodyRate, maxConcurrentPuts, perUser, perAddress, perUserCap,
                perAddressCap);
    }

    /**
     * A token bucket: {@code burst} calls at once, refilled by {@code refill} calls every {@code period}.
     */
    public record RateLimit(long burst, long refill, Duration period) {
        public RateLimit {
            if (burst < 1 || refill < 1) {
                throw new IllegalArgumentException("burst and refill must be positive");
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive");
            }
        }

        public static RateLimit perSecond(long burst, long perSecond) {
            return new RateLimit(burst, perSecond, Duration.ofSeconds(1));
        }

        /** How long an untouched bucket takes to be full again, from empty. */
        Duration refillTime() {
            return period.multipliedBy((burst + refill - 1) / refill);
        }
    }
}
