package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.ReadLimitsUseCase;
import io.javalin.http.Context;
import io.javalin.http.Header;

/** What a batch request accepts, for clients to check files before they send them. */
final class LimitsController {

    /** The policy changes only with a deployment, the quota headroom with every album: keep them half a minute. */
    static final String CACHE_CONTROL = "private, max-age=30";

    private final ReadLimitsUseCase readLimits;

    LimitsController(ReadLimitsUseCase readLimits) {
        this.readLimits = readLimits;
    }

    void get(Context ctx) {
        ctx.header(Header.CACHE_CONTROL, CACHE_CONTROL);
        ctx.json(readLimits.limits(Authentication.user(ctx)));
    }
}
