package dev.mosaic.adapters.http;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One part {@code GET /health} reports on, e.g. {@code new HealthCheck("database", db::isReachable)}.
 * A probe that throws counts as down.
 */
public record HealthCheck(String name, BooleanSupplier probe) {
    public HealthCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a health check needs a name");
        }
    }

    boolean isUp() {
        try {
            return probe.getAsBoolean();
        } catch (RuntimeException failure) {
            return false;
        }
    }
}
