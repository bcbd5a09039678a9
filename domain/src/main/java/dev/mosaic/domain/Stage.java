package dev.mosaic.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The life of an asset, in one table.
 *
 * <pre>
 * uploading ─► processing ─► thumbnail_ready ─► transcoding ─► ready
 *     │             │               │                │
 *     ├─► cancelled └───────────────┴────────────────┴─► failed
 *     ├─► expired
 *     └─► failed
 * </pre>
 *
 * {@code transcoding} may follow itself (progress); terminal stages follow nothing.
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

    private static final Map<Stage, Set<Stage>> NEXT = Map.of(
            UPLOADING, EnumSet.of(PROCESSING, FAILED, CANCELLED, EXPIRED),
            PROCESSING, EnumSet.of(THUMBNAIL_READY, TRANSCODING, READY, FAILED),
            THUMBNAIL_READY, EnumSet.of(TRANSCODING, READY, FAILED),
            TRANSCODING, EnumSet.of(TRANSCODING, READY, FAILED),
            READY, EnumSet.noneOf(Stage.class),
            FAILED, EnumSet.noneOf(Stage.class),
            CANCELLED, EnumSet.noneOf(Stage.class),
            EXPIRED, EnumSet.noneOf(Stage.class));

    private final String wireName;

    Stage(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean canMoveTo(Stage next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }

    public static Optional<Stage> fromWire(String name) {
        return Arrays.stream(values()).filter(stage -> stage.wireName.equals(name)).findFirst();
    }
}
