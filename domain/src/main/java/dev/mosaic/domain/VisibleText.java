package dev.mosaic.domain;

import java.text.Normalizer;

/** Text people typed that is safe to show anywhere: NFC, and no control, format (bidi, zero-width) or unassigned code points. */
final class VisibleText {

    private VisibleText() {
    }

    /** NFC, invisible code points dropped, white space trimmed at both ends. */
    static String clean(String raw) {
        return dropInvisible(Normalizer.normalize(raw, Normalizer.Form.NFC)).strip();
    }

    /** Control, format (bidi overrides, zero-width), unassigned, surrogate and private-use code points go. */
    static String dropInvisible(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(VisibleText::isVisible).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean isVisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.UNASSIGNED
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }
}
