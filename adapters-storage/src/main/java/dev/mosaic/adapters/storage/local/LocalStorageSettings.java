package dev.mosaic.adapters.storage.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the local disk store keeps bytes, how clients reach this server, and the secret its URLs
 * are signed with.
 *
 * @param root       the folder holding objects and unfinished uploads
 * @param publicUrl  how clients reach this server, e.g. {@code http://localhost:8080}
 * @param signingKey the HMAC-SHA256 key of the URLs, at least 32 bytes
 */
public record LocalStorageSettings(Path root, URI publicUrl, byte[] signingKey) {

    private static final int MIN_KEY_BYTES = 32;

    public LocalStorageSettings {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(signingKey, "signingKey");
        String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || publicUrl.getHost() == null) {
            throw new IllegalArgumentException("the public URL must be an absolute http(s) URL: " + publicUrl);
        }
        if (publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("the public URL takes no query or fragment: " + publicUrl);
        }
        if (signingKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the signing key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        root = root.toAbsolutePath().normalize();
        signingKey = signingKey.clone();
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocalStorageSettings that && root.equals(that.root)
                && publicUrl.equals(that.publicUrl) && Arrays.equals(signingKey, that.signingKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, publicUrl, Arrays.hashCode(signingKey));
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "LocalStorageSettings[root=" + root + ", publicUrl=" + publicUrl + ", signingKey=(hidden)]";
    }
}
