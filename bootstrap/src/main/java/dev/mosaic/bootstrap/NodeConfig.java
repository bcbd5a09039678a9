package dev.mosaic.bootstrap;

import java.time.Duration;

/**
 * What this node runs.
 *
 * @param role         api, worker or both ({@code MOSAIC_ROLE})
 * @param workers      processing threads ({@code MOSAIC_WORKERS})
 * @param janitorEvery how often the janitor looks for uploads to expire ({@code MOSAIC_JANITOR_EVERY})
 * @param janitorGrace how long past the last upload URL's expiry the janitor waits before it sweeps an asset's
 *                     stored objects, for a PUT that started in time and is still streaming
 *                     ({@code MOSAIC_JANITOR_GRACE})
 */
public record NodeConfig(Role role, int workers, Duration janitorEvery, Duration janitorGrace) {

    static NodeConfig read(Env env) {
        return new NodeConfig(
                env.choice("MOSAIC_ROLE", Role.class, Role.ALL),
                env.integer("MOSAIC_WORKERS", 2, 1, 64),
                env.duration("MOSAIC_JANITOR_EVERY", Duration.ofMinutes(1)),
                env.duration("MOSAIC_JANITOR_GRACE", Duration.ofHours(1)));
    }
}
