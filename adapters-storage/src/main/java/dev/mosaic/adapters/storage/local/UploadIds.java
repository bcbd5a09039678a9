package dev.mosaic.adapters.storage.local;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Multipart upload ids: random, URL-safe, unguessable, and safe as a folder name. */
final class UploadIds {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private UploadIds() {
    }

    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isWellFormed(String uploadId) {
        return uploadId != null && WELL_FORMED.matcher(uploadId).matches();
    }
}
