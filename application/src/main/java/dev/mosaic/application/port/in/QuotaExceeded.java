package dev.mosaic.application.port.in;

import dev.mosaic.domain.QuotaBreach;

/**
 * A user asked for more than a quota leaves room for. Adapters answer it as "try later" (HTTP: 429 problem+json,
 * code {@value #CODE}, {@code Retry-After} when room frees up by itself).
 */
public final class QuotaExceeded extends RuntimeException {

    public static final String CODE = "quota_exceeded";

    private final QuotaBreach breach;

    public QuotaExceeded(QuotaBreach breach) {
        super(breach.detail(), null, false, false);
        this.breach = breach;
    }

    public QuotaBreach breach() {
        return breach;
    }
}
