package dev.mosaic.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where bytes live in storage. Made only by the server: {@code raw/<user>/<asset>/<slug>} for
 * uploads, {@code sealed/<user>/<asset>/<slug>} for an upload once verified (no URL is ever signed for
 * it) and {@code derived/<user>/<asset>/<name>} for renditions. ASCII only, no {@code ..}. A cell's replacement
 * file is the next generation: {@code raw/<user>/<asset>/_r<n>-<slug>}, its renditions
 * {@code derived/<user>/<asset>/_r<n>-<name>} (a slug never starts with {@code _}).
 */
public record ObjectKey(String value) {
    private static final Pattern SYNTAX = Pattern.compile("(raw|sealed|derived)(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){3}");
    private static final int MAX_SLUG = 100;
    private static final String RAW = "raw/";
    private static final String SEALED = "sealed/";
    // an asset id as AssetId prints it: no sign, no leading zero, at most Long.MAX_VALUE's 19 digits
    private static final Pattern ASSET_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern GENERATION = Pattern.compile("_r([1-9][0-9]{0,5})-.+");
    // compiled once: String.replaceAll compiles its pattern on every call, and every upload makes a slug
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_SAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern DOTS = Pattern.compile("\\.{2,}");
    private static final Pattern LEADING_DOTS_OR_UNDERSCORES = Pattern.compile("^[._]+");
    private static final Pattern TRAILING_DOTS = Pattern.compile("\\.+$");

    public ObjectKey {
        if (value == null || !SYNTAX.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("not an object key: " + value);
        }
    }

    public static ObjectKey raw(UserId owner, AssetId asset, FileName name) {
        return new ObjectKey("raw/" + owner + "/" + asset + "/" + slug(name));
    }

    public static ObjectKey derived(UserId owner, AssetId asset, String fileName) {
        return new ObjectKey("derived/" + owner + "/" + asset + "/" + fileName);
    }

    /** The raw key of the file that replaces this upload's: same owner and asset, the next generation. */
    public ObjectKey nextGeneration(FileName name) {
        return new ObjectKey(RAW + ownerAndAsset() + "/_r" + (generation() + 1) + "-" + slug(name));
    }

    /** 0 for an asset's first file, n for its n-th replacement. */
    public int generation() {
        Matcher generation = GENERATION.matcher(value.substring(value.lastIndexOf('/') + 1));
        return generation.matches() ? Integer.parseInt(generation.group(1)) : 0;
    }

    /** Where a rendition of this upload is kept: per generation, so a replacement never overwrites the old file's. */
    public ObjectKey rendition(String fileName) {
        int generation = generation();
        return new ObjectKey("derived/" + ownerAndAsset() + "/" + (generation == 0 ? "" : "_r" + generation + "-")
                + fileName);
    }

    /**
     * The asset this key names: every key the server makes has its asset's id as third segment, so no two assets
     * ever share a key. Empty when that segment is no asset id (a key a client made up).
     */
    public Optional<AssetId> asset() {
        String segment = assetSegment();
        if (!ASSET_ID.matcher(segment).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AssetId.of(Long.parseLong(segment)));
        } catch (NumberFormatException beyondLong) {
            return Optional.empty();
        }
    }

    /** Whether this key names that asset: {@code asset()} is that id, without parsing (every {@link Asset} asks). */
    public boolean names(AssetId asset) {
        return assetSegment().equals(asset.toString());
    }

    private String assetSegment() {
        String path = assetPath();
        return path.substring(path.indexOf('/') + 1);
    }

    /** Whether both keys are a file of the same asset (any generation, raw or sealed). */
    public boolean sameAsset(ObjectKey other) {
        return assetPath().equals(other.assetPath());
    }

    private String assetPath() {
        String afterPrefix = value.substring(value.indexOf('/') + 1);
        return afterPrefix.substring(0, afterPrefix.lastIndexOf('/'));
    }

    private String ownerAndAsset() {
        if (!value.startsWith(RAW)) {
            throw new IllegalStateException("only an upload's raw key has generations, not " + value);
        }
        return value.substring(RAW.length(), value.lastIndexOf('/'));
    }

    /** Where a verified upload is kept: the same place under {@code sealed/}, out of every upload URL's reach. */
    public ObjectKey sealed() {
        if (!value.startsWith(RAW)) {
            throw new IllegalStateException("only an upload's raw key is sealed, not " + value);
        }
        return new ObjectKey(SEALED + value.substring(RAW.length()));
    }

    /** Parses a key a client echoes back; empty when it could not have come from us. */
    public static Optional<ObjectKey> parse(String raw) {
        try {
            return Optional.of(new ObjectKey(raw));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** Only ASCII letters, digits, dot, dash and underscore of the display name survive. */
    static String slug(FileName name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name.value(), Normalizer.Form.NFD)).replaceAll("");
        ascii = NOT_SAFE.matcher(ascii).replaceAll("_");
        ascii = DOTS.matcher(ascii).replaceAll(".");
        ascii = LEADING_DOTS_OR_UNDERSCORES.matcher(ascii).replaceAll("");
        if (ascii.length() > MAX_SLUG) {
            String extension = name.extension();
            int keep = MAX_SLUG - (extension.isEmpty() ? 0 : extension.length() + 1);
            ascii = ascii.substring(0, keep) + (extension.isEmpty() ? "" : "." + extension);
        }
        ascii = TRAILING_DOTS.matcher(DOTS.matcher(ascii).replaceAll(".")).replaceAll("");
        return ascii.isEmpty() ? "file" : ascii.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
