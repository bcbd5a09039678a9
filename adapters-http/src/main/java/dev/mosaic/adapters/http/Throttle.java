package dev.mosaic.adapters.http;

import dev.mosaic.domain.UserId;
import io.javalin.http.Context;
import io.javalin.http.Header;

/**
 * The rate limits: every API call and socket connect takes a token from its user's bucket, or, where no user is
 * known yet (no token, a bad one, the development sign-in), from its client address's bucket.
 */
final class Throttle {

    private final RateLimiter<UserId> users;
    private final RateLimiter<String> addresses;

    Throttle(TrafficLimits limits) {
        this.users = new RateLimiter<>(limits.perUser(), "for this user");
        this.addresses = new RateLimiter<>(limits.perAddress(), "from this address without a signed-in user");
    }

    void user(UserId user) {
        users.take(user);
    }

    void address(String address) {
        addresses.take(address);
    }

    /** Before a socket upgrade: the user named by its header, else its address (the token may come in a frame). */
    void socketUpgrade(Context ctx, Authentication authentication) {
        String authorization = ctx.header(Header.AUTHORIZATION);
        if (authorization == null) {
            address(ctx.ip());
            return;
        }
        UserId user;
        try {
            user = authentication.remember(ctx, authorization);
        } catch (Unauthenticated refused) {
            // the socket itself says why, once open
            address(ctx.ip());
            return;
        }
        user(user);
    }
}
