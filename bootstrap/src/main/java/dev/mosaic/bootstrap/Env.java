package dev.mosaic.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code MOSAIC_*} variables, once, for {@link Config}: every reader says in one line what a wrong
 * value should be. Nothing outside {@code Config.from} holds one.
 */
final class Env {
    private final Map<String, String> variables;

    Env(Map<String, String> variables) {
        this.variables = Map.copyOf(variables.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The value without surrounding blanks, or empty when unset or blank. */
    Optional<String> text(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    /** Unlike {@link #text}, keeps blanks: a password may have them. */
    String raw(String name, String fallback) {
        return variables.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        return (int) number(name, fallback, min, max);
    }

    long number(String name, long fallback, long min, long max) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed < min || parsed > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + " (was " + value.get() + ")");
            }
            return parsed;
        } catch (NumberFormatException notANumber) {
            throw new ConfigException(name + " must be a whole number (was '" + value.get() + "')");
        }
    }

    /** A positive ISO-8601 duration such as {@code PT24H}. */
    Duration duration(String name, Duration fallback) {
        return text(name).map(value -> {
            try {
                Duration parsed = Duration.parse(value);
                if (parsed.isNegative() || parsed.isZero()) {
                    throw new ConfigException(name + " must be positive (was " + value + ")");
                }
                return parsed;
            } catch (DateTimeParseException notADuration) {
                throw new ConfigException(name + " must be an ISO-8601 duration like PT24H (was '" + value + "')");
            }
        }).orElse(fallback);
    }

    Optional<Boolean> flag(String name) {
        return text(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name + " must be true or false (was '" + value + "')");
        });
    }

    /** An absolute URL with a scheme and a host. */
    Optional<URI> url(String name) {
        return text(name).map(value -> {
            try {
                URI parsed = URI.create(value);
                if (parsed.getScheme() == null || parsed.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
                return parsed;
            } catch (IllegalArgumentException bad) {
                throw new ConfigException(name + " must be an absolute URL like http://host:8080 (was '" + value + "')");
            }
        });
    }

    /** A comma-separated list, blanks dropped. */
    List<String> list(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::trim).filter(item -> !item.isEmpty())
                .toList();
    }

    /** One of an enum's constants, spelled in any case. */
    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            String choices = String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList());
            throw new ConfigException(name + " must be one of " + choices + " (was '" + value.get() + "')");
        }
    }
}
