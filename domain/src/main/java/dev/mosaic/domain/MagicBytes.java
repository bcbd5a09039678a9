package dev.mosaic.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Names a file's real type from its first bytes, for the types whose claims we check. */
public final class MagicBytes {
    /** How many leading bytes {@link #sniff} wants. */
    public static final int HEAD_LENGTH = 64;

    private MagicBytes() {
    }

    public static Optional<String> sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "AVI ")) {
            return Optional.of("video/x-msvideo");
        }
        if (ascii(head, 0, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of("video/webm");
        }
        if (ascii(head, 4, "ftyp")) {
            return Optional.of(isoBrand(head));
        }
        return Optional.empty();
    }

    /** Whether the bytes are what the client declared, for the kinds where it matters. */
    public static boolean agrees(AssetKind kind, ContentType declared, byte[] head) {
        return agrees(kind, declared, sniff(head));
    }

    /** The same, for a caller that sniffed the head already and needs the type it found too. */
    public static boolean agrees(AssetKind kind, ContentType declared, Optional<String> sniffed) {
        return switch (kind) {
            case IMAGE -> sniffed.map(found -> sameImage(found, declared.value())).orElse(false);
            case VIDEO -> sniffed.map(found -> found.startsWith("video/")).orElse(false);
            case FILE -> !declared.value().equals("application/pdf")
                    || sniffed.map("application/pdf"::equals).orElse(false);
        };
    }

    private static boolean sameImage(String found, String declared) {
        boolean heifFamily = declared.equals("image/heic") || declared.equals("image/heif");
        return found.equals(declared) || (heifFamily && found.equals("image/heif"));
    }

    private static String isoBrand(byte[] head) {
        String brand = head.length >= 12 ? new String(Arrays.copyOfRange(head, 8, 12), StandardCharsets.US_ASCII) : "";
        return switch (brand) {
            case "mif1", "msf1" -> compatibleBrands(head).contains("avif") || compatibleBrands(head).contains("avis")
                    ? "image/avif" : "image/heif";
            case "heic", "heix", "hevc", "heim", "heis", "hevx" -> "image/heif";
            case "avif", "avis" -> "image/avif";
            case "qt  " -> "video/quicktime";
            case "M4A ", "M4B ", "M4P ", "F4A ", "F4B " -> "audio/mp4";
            default -> "video/mp4";
        };
    }

    /**
     * The compatible brands of an {@code ftyp} box, as far as the head holds them: a generic HEIF
     * ({@code mif1}) names its codec there, which is how some encoders mark AVIF.
     */
    private static List<String> compatibleBrands(byte[] head) {
        long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        int end = (int) Math.min(head.length, boxSize);
        List<String> brands = new ArrayList<>();
        for (int at = 16; at + 4 <= end; at += 4) {
            brands.add(new String(head, at, 4, StandardCharsets.US_ASCII));
        }
        return brands;
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String expected) {
        return startsWith(head, offset, expected.chars().toArray());
    }
}
