package dev.mosaic.domain;

import java.util.Arrays;
import java.util.Optional;

/** What the client says an attachment is; decides processing and allowed content types. */
public enum AssetKind {
    IMAGE("image"),
    VIDEO("video"),
    FILE("file");

    private final String wireName;

    AssetKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AssetKind> fromWire(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
