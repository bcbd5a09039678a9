package dev.mosaic.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A display name that is safe to show and to offer as a download name. It never reaches a
 * path or an object key (see {@link ObjectKey#raw}).
 */
public record FileName(String value) {
    public static final int MAX_UTF8_BYTES = 255;
    private static final String FALLBACK = "file";
    // compiled once: String.replaceAll and matches compile their pattern on every call
    private static final Pattern DOTS = Pattern.compile("\\.{2,}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");

    public FileName {
        if (value == null || !value.equals(sanitizeOnce(value))) {
            throw new IllegalArgumentException("not a sanitised file name: " + value);
        }
    }

    /** Makes any string into a name obeying the rules; applying it twice changes nothing. */
    public static FileName sanitize(String raw) {
        String current = raw == null ? "" : raw;
        for (int round = 0; round < 8; round++) {
            String next = sanitizeOnce(current);
            if (next.equals(current)) {
                return new FileName(next);
            }
            current = next;
        }
        return new FileName(FALLBACK);
    }

    private static String sanitizeOnce(String raw) {
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = lastSegment(name);
        name = VisibleText.dropInvisible(name);
        name = DOTS.matcher(name).replaceAll(".");
        name = strip(name);
        name = truncateUtf8(name, MAX_UTF8_BYTES);
        name = strip(name);
        return name.isEmpty() ? FALLBACK : name;
    }

    private static String lastSegment(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return cut >= 0 ? name.substring(cut + 1) : name;
    }

    private static String strip(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && isStrippable(name.charAt(start))) {
            start++;
        }
        while (end > start && isStrippable(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Dots and every kind of space, no-break ones included, never start or end a name. */
    private static boolean isStrippable(char c) {
        return c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String truncateUtf8(String name, int maxBytes) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = extension.isEmpty() ? name : name.substring(0, dot);
        int budget = maxBytes - extension.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int codePoint = stem.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept + extension;
    }

    /** The extension in lower case ASCII, or empty. */
    public String extension() {
        int dot = value.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String extension = value.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return EXTENSION.matcher(extension).matches() ? extension : "";
    }

    @Override
    public String toString() {
        return value;
    }
}
