package dev.mosaic.application.port.out;

import java.util.Locale;
import java.util.Objects;

/**
 * A part Mosaic depends on cannot be reached or answers with its own failure: an outage, never the
 * client's doing. Adapters throw it; the HTTP adapter answers 503 with {@code Retry-After}, and work
 * that was accepted stays queued.
 */
public final class Unavailable extends RuntimeException {

    /** Which part is down; its name is the one {@code /health} reports. */
    public enum Part {
        DATABASE, STORAGE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Part part;

    public Unavailable(Part part, String message, Throwable cause) {
        super(Objects.requireNonNull(part, "part").wireName() + " unavailable: " + message, cause);
        this.part = part;
    }

    public Part part() {
        return part;
    }
}
