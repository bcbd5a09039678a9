package dev.mosaic.adapters.storage.gcs;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which bucket the GCS store uses and whose credentials sign its URLs.
 *
 * @param bucket          the bucket holding every object ({@code MOSAIC_GCS_BUCKET})
 * @param credentialsFile a service-account key file (JSON) ({@code MOSAIC_GCS_CREDENTIALS}); empty for
 *                        Application Default Credentials, which must then be a service account too:
 *                        only a service account can sign URLs
 */
public record GcsSettings(String bucket, Optional<Path> credentialsFile) {

    /** Google's bucket names: lower-case letters, digits, dashes, underscores and dots, 3 to 222 long. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

    public GcsSettings {
        Objects.requireNonNull(credentialsFile, "credentialsFile");
        if (bucket == null || !BUCKET.matcher(bucket.strip()).matches()) {
            throw new IllegalArgumentException("set MOSAIC_GCS_BUCKET to the bucket's name (lower-case letters, "
                    + "digits, '-', '_' and '.', no gs:// and no slashes): " + bucket);
        }
        bucket = bucket.strip();
    }

    /** The bucket with Application Default Credentials. */
    public static GcsSettings withDefaultCredentials(String bucket) {
        return new GcsSettings(bucket, Optional.empty());
    }
}
