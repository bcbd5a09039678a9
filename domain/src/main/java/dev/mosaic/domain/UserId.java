package dev.mosaic.domain;

/** A chat user, as named by the token's subject. */
public record UserId(long value) {
    /**
     * The largest id a token can name: a subject is at most 18 digits, one spelling per id. Larger ids are refused
     * where a client names a user (a receiver), as nobody could ever sign in as them.
     */
    public static final long MAX = 999_999_999_999_999_999L;

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("user id must be positive: " + value);
        }
    }

    /** Whether someone can sign in as this id: from 1 to {@link #MAX}. */
    public static boolean canSignIn(long value) {
        return value > 0 && value <= MAX;
    }

    public static UserId of(long value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
