package dev.mosaic.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an asset is in its life, as clients see it. Which moves are legal from which stage is
 * {@link Asset}'s transitions: this enum only names the stages.
 *
 * <pre>
 * uploading ─► processing ─► thumbnail_ready ─► transcoding ─► ready
 *     │             │               │                │
 *     ├─► cancelled └───────────────┴────────────────┴─► failed
 *     ├─► expired
 *     └─► failed
 * </pre>
 */
public enum Stage {
    UPLOADING("uploading"),
    PROCESSING("processing"),
    THUMBNAIL_READY("thumbnail_ready"),
    TRANSCODING("transcoding"),
    READY("ready"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    EXPIRED("expired");

    private final String wireName;

    Stage(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Nothing follows a terminal stage. */
    public boolean isTerminal() {
        return switch (this) {
            case READY, FAILED, CANCELLED, EXPIRED -> true;
            case UPLOADING, PROCESSING, THUMBNAIL_READY, TRANSCODING -> false;
        };
    }

    /** The bytes are verified and the media processor is (or will be) at work. */
    public boolean isProcessing() {
        return switch (this) {
            case PROCESSING, THUMBNAIL_READY, TRANSCODING -> true;
            case UPLOADING, READY, FAILED, CANCELLED, EXPIRED -> false;
        };
    }

    public static Optional<Stage> fromWire(String name) {
        return Arrays.stream(values()).filter(stage -> stage.wireName.equals(name)).findFirst();
    }
}
