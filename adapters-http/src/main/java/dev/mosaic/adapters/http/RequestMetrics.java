package dev.mosaic.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Times every HTTP request as {@code http.server.requests}, tagged by route pattern (never the raw path). */
final class RequestMetrics implements RequestLogger {

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null || matched.path.isEmpty() ? "unmatched" : matched.path;
        Timer.builder("http.server.requests")
                .description("HTTP requests served")
                .tag("method", ctx.method().name())
                .tag("uri", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record((long) (executionTimeMs * 1_000_000L), TimeUnit.NANOSECONDS);
    }
}
