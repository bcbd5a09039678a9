package dev.mosaic.bootstrap;

/** A setting is missing or wrong; the message is one line saying what to set. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
