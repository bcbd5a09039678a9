package dev.mosaic.bootstrap;

import dev.mosaic.adapters.http.TrafficLimits;
import dev.mosaic.adapters.http.TrafficLimits.RateLimit;
import java.util.Map;

/**
 * What one client may take ({@code MOSAIC_HTTP_IDLE_TIMEOUT}, {@code MOSAIC_MIN_BODY_RATE}, the rate limits and the
 * socket caps); see the README's table.
 *
 * @param traffic per-node limits, enforced in the HTTP adapter
 */
public record LimitsConfig(TrafficLimits traffic) {

    static LimitsConfig from(Map<String, String> env) {
        TrafficLimits defaults = TrafficLimits.defaults();
        TrafficLimits traffic = new TrafficLimits(
                Config.duration(env, "MOSAIC_HTTP_IDLE_TIMEOUT", defaults.idleTimeout()),
                Config.integer(env, "MOSAIC_MIN_BODY_RATE", (int) defaults.minBodyRate(), 1, 100 * 1024 * 1024),
                Config.integer(env, "MOSAIC_MAX_CONCURRENT_PUTS", defaults.maxConcurrentPuts(), 1, 10_000),
                RateLimit.perSecond(
                        Config.integer(env, "MOSAIC_RATE_USER_BURST", (int) defaults.perUser().burst(), 1, 1_000_000),
                        Config.integer(env, "MOSAIC_RATE_USER_PER_SECOND", (int) defaults.perUser().refill(), 1,
                                1_000_000)),
                RateLimit.perSecond(
                        Config.integer(env, "MOSAIC_RATE_ADDRESS_BURST", (int) defaults.perAddress().burst(), 1,
                                1_000_000),
                        Config.integer(env, "MOSAIC_RATE_ADDRESS_PER_SECOND", (int) defaults.perAddress().refill(),
                                1, 1_000_000)),
                Config.integer(env, "MOSAIC_SOCKETS_PER_USER", defaults.socketsPerUser(), 1, 10_000),
                Config.integer(env, "MOSAIC_SOCKETS_PER_ADDRESS", defaults.socketsPerAddress(), 1, 100_000));
        return new LimitsConfig(traffic);
    }
}
