package dev.mosaic.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A bare media type ({@code type/subtype}, lower case, no parameters). */
public record ContentType(String value) {
    private static final Pattern SYNTAX =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}");
    /** Images we decode; SVG is absent on purpose: it carries script. */
    private static final Set<String> DECODABLE_IMAGES = Set.of(
            "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "image/avif");

    public static final ContentType OCTET_STREAM = new ContentType("application/octet-stream");
    public static final ContentType WEBP = new ContentType("image/webp");
    public static final ContentType JPEG = new ContentType("image/jpeg");
    public static final ContentType MP4 = new ContentType("video/mp4");

    public ContentType {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("not a media type: " + value);
        }
    }

    /** Parses what a client sent; parameters such as {@code ;charset=} are not accepted. */
    public static Optional<ContentType> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String lower = raw.trim().toLowerCase(Locale.ROOT);
        return SYNTAX.matcher(lower).matches() ? Optional.of(new ContentType(lower)) : Optional.empty();
    }

    /** Reads a {@code Content-Type} header's media type, leaving its parameters ({@code ;charset=}) aside. */
    public static Optional<ContentType> ofHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int parameters = header.indexOf(';');
        return parse(parameters < 0 ? header : header.substring(0, parameters));
    }

    public String type() {
        return value.substring(0, value.indexOf('/'));
    }

    public boolean agreesWith(AssetKind kind) {
        return switch (kind) {
            case IMAGE -> DECODABLE_IMAGES.contains(value);
            case VIDEO -> type().equals("video");
            case FILE -> true;
        };
    }

    /**
     * What {@link #agreesWith} lets through for {@code kind}, as media ranges a client can match files with (the
     * syntax of HTML's {@code accept}): the decodable image types, {@code video/*}, or {@code *}{@code /*}.
     */
    public static List<String> acceptedFor(AssetKind kind) {
        return switch (kind) {
            case IMAGE -> DECODABLE_IMAGES.stream().sorted().toList();
            case VIDEO -> List.of("video/*");
            case FILE -> List.of("*/*");
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
