package dev.mosaic.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets the configured browser origins call the API and PUT to {@code /storage/}: answers preflights itself and
 * exposes {@code ETag}, which a multipart upload must read from every part's answer.
 */
final class Cors {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key";
    static final String EXPOSED_HEADERS = "ETag";
    static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

    private final boolean anyOrigin;
    private final Set<String> origins;

    Cors(List<String> allowedOrigins) {
        this.anyOrigin = allowedOrigins.contains("*");
        this.origins = allowedOrigins.stream().map(Cors::normalized).collect(Collectors.toUnmodifiableSet());
    }

    void apply(Context ctx) {
        String origin = ctx.header(Header.ORIGIN);
        if (origin == null || !(anyOrigin || origins.contains(normalized(origin)))) {
            return;
        }
        ctx.header(Header.ACCESS_CONTROL_ALLOW_ORIGIN, anyOrigin ? "*" : origin);
        ctx.header(Header.VARY, Header.ORIGIN);
        ctx.header(Header.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        boolean preflight = HandlerType.OPTIONS.equals(ctx.method())
                && ctx.header(Header.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (preflight) {
            ctx.header(Header.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            ctx.header(Header.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            ctx.header(Header.ACCESS_CONTROL_MAX_AGE, PREFLIGHT_MAX_AGE_SECONDS);
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }

    private static String normalized(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
