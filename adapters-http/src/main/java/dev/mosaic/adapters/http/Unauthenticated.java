package dev.mosaic.adapters.http;

/** No user could be established from the request; answered as 401 with {@code WWW-Authenticate: Bearer}. */
final class Unauthenticated extends RuntimeException {

    static final String MISSING = "unauthenticated";
    static final String INVALID = "token_invalid";
    static final String EXPIRED = "token_expired";

    private final String code;

    Unauthenticated(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
