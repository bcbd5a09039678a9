package dev.mosaic.adapters.http;

import dev.mosaic.domain.UserId;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.security.RouteRole;

/** Establishes the calling user from {@code Authorization: Bearer <JWT>} before any API handler runs. */
final class Authentication {

    private static final String USER = "mosaic.user";
    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;
    private final Throttle throttle;
    private final java.util.concurrent.atomic.LongAdder verifications = new java.util.concurrent.atomic.LongAdder();

    Authentication(TokenVerifier verifier, Throttle throttle) {
        this.verifier = verifier;
        this.throttle = throttle;
    }

    /**
     * Before every matched {@code /api/} handler, except those registered with {@link Access#ANYONE}; then takes
     * the call from its user's rate limit, or from its address's where no user could be established.
     */
    void authenticate(Context ctx) {
        if (ctx.routeRoles().contains(Access.ANYONE)) {
            throttle.address(ctx.ip());
            return;
        }
        UserId user;
        try {
            user = userOf(ctx.header(Header.AUTHORIZATION));
        } catch (Unauthenticated refused) {
            throttle.address(ctx.ip());
            throw refused;
        }
        throttle.user(user);
        ctx.attribute(USER, user);
    }

    /** The user of a request or socket upgrade that carries an {@code Authorization} header. */
    UserId userOf(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new Unauthenticated(Unauthenticated.MISSING, "send Authorization: Bearer <token>");
        }
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthenticated(Unauthenticated.MISSING, "the Authorization header must use the Bearer scheme");
        }
        verifications.increment();
        return verifier.verify(authorization.substring(BEARER.length()).trim());
    }

    /** The user the upgrade's check found, verified again only when it found none (the socket then says why). */
    UserId userOf(UserId remembered, String authorization) {
        return remembered != null ? remembered : userOf(authorization);
    }

    /** How many tokens were verified, for tests. */
    long verifications() {
        return verifications.sum();
    }

    static UserId user(Context ctx) {
        UserId user = ctx.attribute(USER);
        if (user == null) {
            throw new IllegalStateException("no authenticated user on " + ctx.path());
        }
        return user;
    }

    /** Who may call a route: give {@code ANYONE} to the few API routes that need no token. */
    enum Access implements RouteRole {
        ANYONE
    }
}
