package dev.mosaic.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What the sender says of one item of an album: a caption shown with it (the album's text stays the
 * message's caption) and the alt text screen readers read for it. Cleaned as file names are: NFC, no
 * control or bidi characters, trimmed; a blank one is none.
 */
public record AssetText(Optional<String> caption, Optional<String> altText) {
    /** In code points. */
    public static final int MAX_CAPTION = 1024;
    /** In code points. */
    public static final int MAX_ALT_TEXT = 1000;
    public static final AssetText NONE = new AssetText(Optional.empty(), Optional.empty());

    public AssetText {
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(altText, "altText");
        if (!caption.map(text -> isClean(text, MAX_CAPTION)).orElse(true)
                || !altText.map(text -> isClean(text, MAX_ALT_TEXT)).orElse(true)) {
            throw new IllegalArgumentException("not a cleaned caption or alt text within its length");
        }
    }

    /** The cleaned text, empty when nothing visible is left. */
    public static Optional<String> clean(String raw) {
        return Optional.ofNullable(raw).map(VisibleText::clean).filter(text -> !text.isEmpty());
    }

    public static boolean fits(Optional<String> cleaned, int max) {
        return cleaned.map(text -> text.codePointCount(0, text.length()) <= max).orElse(true);
    }

    private static boolean isClean(String text, int max) {
        return !text.isEmpty() && text.equals(VisibleText.clean(text)) && fits(Optional.of(text), max);
    }
}
