package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * {@code POST /api/v1/dev/token}: a token for whichever user is asked for, so the demo page works without an
 * identity provider. Registered only on a development server (see {@link HttpSettings#devSignIn()}).
 */
final class DevSignIn {

    static final String PATH = "/api/v1/dev/token";
    static final Duration TOKEN_TTL = Duration.ofHours(12);
    /** The largest id a token's subject may carry (see {@link TokenVerifier}). */
    static final long MAX_USER_ID = 999_999_999_999_999_999L;

    private final byte[] secret;
    private final JsonBody bodies;

    DevSignIn(TokenSettings tokens, JsonBody bodies) {
        this.secret = tokens.hs256Secret();
        this.bodies = bodies;
    }

    void issue(Context ctx) {
        Long userId = bodies.read(ctx, Request.class).userId();
        if (userId == null || userId < 1 || userId > MAX_USER_ID) {
            throw new RequestRejected(Reason.INVALID, "field_invalid",
                    "user_id must be a positive integer of at most 18 digits");
        }
        ctx.json(new Issued(Tokens.issue(secret, userId, TOKEN_TTL)));
    }

    /** The body: {@code {"user_id": n}}. */
    record Request(Long userId) {
    }

    /** The answer: {@code {"token": "…"}}. */
    record Issued(String token) {
    }
}
