package dev.mosaic.adapters.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts every refused or limited request and socket as {@code mosaic_refused_total}, tagged by its stable code
 * ({@code rate_limited}, {@code quota_exceeded}, {@code request_timeout}, {@code too_many_sockets}, ...): a fixed
 * vocabulary, so the number of series stays small.
 */
final class Refusals {

    static final String METER = "mosaic.refused";

    private Refusals() {
    }

    static void count(MeterRegistry registry, String reason) {
        Counter.builder(METER)
                .description("requests and sockets refused or limited, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
