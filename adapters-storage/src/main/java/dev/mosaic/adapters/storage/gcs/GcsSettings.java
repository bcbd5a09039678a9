package dev.mosaic.adapters.storage.gcs;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which bucket the GCS store uses, whose credentials sign its URLs, and where GCS is.
 *
 * @param bucket          the bucket holding every object ({@code MOSAIC_GCS_BUCKET})
 * @param credentialsFile a service-account key file (JSON) ({@code MOSAIC_GCS_CREDENTIALS}); empty for
 *                        Application Default Credentials, which must then be a service account too:
 *                        only a service account can sign URLs
 * @param endpoint        where the JSON and XML APIs are and what signed URLs point at
 *                        ({@code MOSAIC_GCS_ENDPOINT}); empty for Google's {@code https://storage.googleapis.com}
 */
public record GcsSettings(String bucket, Optional<Path> credentialsFile, Optional<URI> endpoint) {

    /** Google's bucket names: lower-case letters, digits, dashes, underscores and dots, 3 to 222 long. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

    public GcsSettings {
        Objects.requireNonNull(credentialsFile, "credentialsFile");
        Objects.requireNonNull(endpoint, "endpoint");
        if (bucket == null || !BUCKET.matcher(bucket.strip()).matches()) {
            throw new IllegalArgumentException("set MOSAIC_GCS_BUCKET to the bucket's name (lower-case letters, "
                    + "digits, '-', '_' and '.', no gs:// and no slashes): " + bucket);
        }
        bucket = bucket.strip();
        endpoint.ifPresent(GcsSettings::checkEndpoint);
    }

    /** Google's own endpoint. */
    public GcsSettings(String bucket, Optional<Path> credentialsFile) {
        this(bucket, credentialsFile, Optional.empty());
    }

    /** The bucket with Application Default Credentials. */
    public static GcsSettings withDefaultCredentials(String bucket) {
        return new GcsSettings(bucket, Optional.empty());
    }

    private static void checkEndpoint(URI endpoint) {
        boolean web = "http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme());
        if (!web || endpoint.getHost() == null || endpoint.getRawPath() != null && !endpoint.getRawPath().isEmpty()
                && !endpoint.getRawPath().equals("/") || endpoint.getRawQuery() != null) {
            throw new IllegalArgumentException("MOSAIC_GCS_ENDPOINT must be an http(s) URL of a host, "
                    + "with no path or query, e.g. https://storage.googleapis.com: " + endpoint);
        }
    }
}
