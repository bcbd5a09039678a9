package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.ReadLimitsUseCase;
import io.javalin.http.Context;
import io.javalin.http.Header;

/** What a batch request accepts, for clients to check files before they send them. */
final class LimitsController {

    /** Limits change only with a deployment; a client may keep them for a few minutes. */
    static final String CACHE_CONTROL = "private, max-age=300";

    private final ReadLimitsUseCase readLimits;

    LimitsController(ReadLimitsUseCase readLimits) {
        this.readLimits = readLimits;
    }

    void get(Context ctx) {
        ctx.header(Header.CACHE_CONTROL, CACHE_CONTROL);
        ctx.json(readLimits.limits(Authentication.user(ctx)));
    }
}
