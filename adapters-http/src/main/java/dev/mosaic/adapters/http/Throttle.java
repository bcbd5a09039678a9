package dev.mosaic.adapters.http;

import dev.mosaic.domain.UserId;

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

    /**
     * Before a socket upgrade: the user named by its header, else its address (the token may come in a frame).
     * Answers the user its header names, or null; the socket then says why, once open.
     */
    UserId socketUpgrade(String authorization, String address, Authentication authentication) {
        if (authorization == null) {
            address(address);
            return null;
        }
        UserId user;
        try {
            user = authentication.userOf(authorization);
        } catch (Unauthenticated refused) {
            address(address);
            return null;
        }
        user(user);
        return user;
    }
}
