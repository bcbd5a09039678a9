package dev.mosaic.domain;

import java.util.Objects;

/** A derived file made by processing and stored under a {@code derived/} key. */
public record Rendition(Kind kind, ObjectKey key, ContentType contentType, int width, int height) {

    public enum Kind {
        THUMBNAIL("thumbnail"),
        PREVIEW("preview"),
        PLAYBACK("playback");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public Rendition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
    }
}
