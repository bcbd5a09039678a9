package dev.mosaic.application.port.in;

import dev.mosaic.domain.Refusal;

/**
 * A use case said no to what a user asked. Adapters turn it into their own error answer
 * (HTTP: problem+json with {@code code} = {@link Refusal#code()}).
 */
public final class RequestRejected extends RuntimeException {

    /** The kind of no, which decides the status an adapter answers with. */
    public enum Reason {
        /** Malformed: a field missing or of the wrong shape. */
        INVALID,
        /** Well formed but against the rules (sizes, types, parts). */
        UNPROCESSABLE,
        /** No such thing, or not this user's to see. */
        NOT_FOUND,
        /** Not possible in the thing's current state. */
        CONFLICT,
        /** A signature or credential that does not allow this. */
        FORBIDDEN,
        /** The body is larger than allowed. */
        TOO_LARGE
    }

    private final Reason reason;
    private final Refusal refusal;

    public RequestRejected(Reason reason, Refusal refusal) {
        super(refusal.code() + ": " + refusal.detail(), null, false, false);
        this.reason = reason;
        this.refusal = refusal;
    }

    public RequestRejected(Reason reason, String code, String detail) {
        this(reason, new Refusal(code, detail));
    }

    public Reason reason() {
        return reason;
    }

    public Refusal refusal() {
        return refusal;
    }

    public String code() {
        return refusal.code();
    }
}
