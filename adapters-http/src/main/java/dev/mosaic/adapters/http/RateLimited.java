package dev.mosaic.adapters.http;

/** A client called more often than its rate limit allows: 429 {@code rate_limited} with {@code Retry-After}. */
final class RateLimited extends RuntimeException {

    static final String CODE = "rate_limited";

    private final String scope;
    private final long retryAfterSeconds;

    RateLimited(String scope, long retryAfterSeconds) {
        super("too many requests " + scope + "; try again in " + retryAfterSeconds + " s", null, false, false);
        this.scope = scope;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whose limit it was: {@code per user} or {@code per address}. */
    String scope() {
        return scope;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
