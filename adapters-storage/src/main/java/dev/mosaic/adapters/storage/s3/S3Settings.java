package dev.mosaic.adapters.storage.s3;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which bucket the S3 store uses and how it reaches it. Credentials come from the AWS default chain
 * (environment, profile, instance role) unless both keys are given.
 *
 * @param bucket    the bucket holding every object ({@code MOSAIC_S3_BUCKET})
 * @param region    the bucket's region, e.g. {@code eu-west-1}; S3-compatible stores often take
 *                  {@code us-east-1} or {@code auto} ({@code MOSAIC_S3_REGION})
 * @param endpoint  an S3-compatible store's URL; empty for AWS itself ({@code MOSAIC_S3_ENDPOINT})
 * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}
 *                  ({@code MOSAIC_S3_PATH_STYLE}); most compatible stores want it
 * @param accessKey a static access key id ({@code MOSAIC_S3_ACCESS_KEY}), only with the secret key
 * @param secretKey a static secret access key ({@code MOSAIC_S3_SECRET_KEY}), only with the access key
 */
public record S3Settings(String bucket, String region, Optional<URI> endpoint, boolean pathStyle,
                         Optional<String> accessKey, Optional<String> secretKey) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException("set MOSAIC_S3_BUCKET to the bucket's name (no slashes): " + bucket);
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("set MOSAIC_S3_REGION to the bucket's region, e.g. us-east-1");
        }
        endpoint.ifPresent(S3Settings::requireHttpUrl);
        accessKey = accessKey.filter(value -> !value.isBlank());
        secretKey = secretKey.filter(value -> !value.isBlank());
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException(
                    "set both MOSAIC_S3_ACCESS_KEY and MOSAIC_S3_SECRET_KEY, or neither to use the AWS default chain");
        }
        bucket = bucket.strip();
        region = region.strip();
    }

    /** AWS S3 with credentials from the default chain. */
    public static S3Settings aws(String bucket, String region) {
        return new S3Settings(bucket, region, Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    public boolean hasStaticKeys() {
        return accessKey.isPresent();
    }

    private static void requireHttpUrl(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            throw new IllegalArgumentException(
                    "MOSAIC_S3_ENDPOINT must be an absolute http(s) URL, e.g. http://localhost:9000: " + endpoint);
        }
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "S3Settings[bucket=" + bucket + ", region=" + region + ", endpoint=" + endpoint
                + ", pathStyle=" + pathStyle + ", accessKey=" + accessKey
                + ", secretKey=" + secretKey.map(hidden -> "(hidden)").orElse("(none)") + "]";
    }
}
