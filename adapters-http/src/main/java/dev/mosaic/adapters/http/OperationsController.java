package dev.mosaic.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What operators and tools read: health, metrics and the API's own description. */
final class OperationsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String OPENAPI_RESOURCE = "openapi.json";

    private final List<HealthCheck> checks;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApi;

    OperationsController(List<HealthCheck> checks, PrometheusMeterRegistry registry) {
        this.checks = List.copyOf(checks);
        this.registry = registry;
        this.openApi = resource(OPENAPI_RESOURCE);
    }

    void health(Context ctx) {
        Map<String, String> states = new LinkedHashMap<>();
        boolean allUp = true;
        for (HealthCheck check : checks) {
            boolean up = check.isUp();
            allUp &= up;
            states.put(check.name(), up ? "up" : "down");
        }
        if (!allUp) {
            ctx.header(Header.RETRY_AFTER, Integer.toString(ProblemMapper.RETRY_AFTER_SECONDS));
        }
        ctx.status(allUp ? 200 : 503).json(new Health(allUp ? "up" : "down", states));
    }

    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    private static byte[] resource(String name) {
        try (InputStream in = OperationsController.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The body of {@code GET /health}. */
    record Health(String status, Map<String, String> checks) {
    }
}
