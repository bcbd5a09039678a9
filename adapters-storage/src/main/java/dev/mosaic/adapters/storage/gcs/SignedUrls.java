package dev.mosaic.adapters.storage.gcs;

import dev.mosaic.application.storage.ContentDisposition;
import com.google.auth.ServiceAccountSigner.SigningException;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.SignUrlOption;
import dev.mosaic.application.port.out.ObjectStorage.Delivery;
import dev.mosaic.application.port.out.ObjectStorage.SignedRequest;
import dev.mosaic.domain.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * V4 signed URLs of the XML API ({@code https://storage.googleapis.com/BUCKET/OBJECT?X-Goog-...}).
 * Every header named here is under the signature: a request without it, or with another value, is
 * refused by GCS with {@code SignatureDoesNotMatch}.
 */
final class SignedUrls {

    /** V4's longest validity. */
    static final Duration MAX_VALIDITY = Duration.ofDays(7);
    /** V4 counts whole seconds. */
    private static final Duration MIN_VALIDITY = Duration.ofSeconds(1);
    static final String CONTENT_LENGTH = "Content-Length";

    /** The client's default host, for which signed URLs need no host name of their own. */
    private static final String GOOGLE = "https://storage.googleapis.com";

    private final Storage storage;
    private final String bucket;
    private final Clock clock;
    private final String host;

    /** URLs to the client's host: Google's, or the endpoint it was built for. */
    SignedUrls(Storage storage, String bucket, Clock clock) {
        this.storage = storage;
        this.bucket = bucket;
        this.clock = clock;
        String configured = storage.getOptions().getHost();
        this.host = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /**
     * A PUT bound to the type and to exactly {@code size} bytes: {@code content-length} is a signed
     * header, so a body of any other size does not match the signature. Browsers and {@code fetch} send
     * {@code Content-Length} by themselves (they may not set it), so the client is asked for the type alone.
     */
    SignedRequest put(String object, long size, ContentType type, Instant expiresAt) {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Content-Type", type.value());
        signed.put(CONTENT_LENGTH, Long.toString(size));
        URI url = sign(object, expiresAt, SignUrlOption.httpMethod(HttpMethod.PUT),
                SignUrlOption.withExtHeaders(signed));
        return new SignedRequest(url, Map.of("Content-Type", type.value()));
    }

    /**
     * A part's PUT of an XML API multipart upload ({@code ?partNumber=N&uploadId=…}, both under the signature),
     * bound to the part's exact {@code Content-Length} as a direct PUT is; a part carries no type.
     */
    URI putPart(String object, String uploadId, int number, long size, Instant expiresAt) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("partNumber", Integer.toString(number));
        query.put("uploadId", uploadId);
        return sign(object, expiresAt, SignUrlOption.httpMethod(HttpMethod.PUT),
                SignUrlOption.withQueryParams(query),
                SignUrlOption.withExtHeaders(Map.of(CONTENT_LENGTH, Long.toString(size))));
    }

    /** A GET whose answer carries the delivery's type and, for attachments, its download name. */
    URI get(String object, Instant expiresAt, Delivery delivery) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("response-content-type", delivery.contentType().value());
        delivery.attachmentName().map(ContentDisposition::attachment)
                .ifPresent(disposition -> overrides.put("response-content-disposition", disposition));
        return sign(object, expiresAt, SignUrlOption.httpMethod(HttpMethod.GET),
                SignUrlOption.withQueryParams(overrides));
    }

    private URI sign(String object, Instant expiresAt, SignUrlOption... options) {
        List<SignUrlOption> all = new ArrayList<>(List.of(SignUrlOption.withV4Signature(), SignUrlOption.withPathStyle()));
        if (!GOOGLE.equals(host)) {
            all.add(SignUrlOption.withHostName(host));
        }
        all.addAll(List.of(options));
        URL url;
        try {
            url = storage.signUrl(BlobInfo.newBuilder(bucket, object).build(),
                    validity(expiresAt).toSeconds(), TimeUnit.SECONDS, all.toArray(SignUrlOption[]::new));
        } catch (SigningException e) {
            throw new UncheckedIOException(new IOException("GCS could not sign a URL for " + object
                    + " (with Application Default Credentials, signing calls the IAM Credentials API): "
                    + e.getMessage(), e));
        }
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the client signed a URL that is not a URI: " + url, e);
        }
    }

    /** Until {@code expiresAt}, at most V4's seven days (a client asks the parts endpoint again). */
    Duration validity(Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative() || left.isZero()) {
            throw new IllegalArgumentException("a URL that expires at " + expiresAt + " would be dead on arrival");
        }
        if (left.compareTo(MIN_VALIDITY) < 0) {
            return MIN_VALIDITY;
        }
        Duration capped = left.compareTo(MAX_VALIDITY) > 0 ? MAX_VALIDITY : left;
        return Duration.ofSeconds(capped.toSeconds());
    }
}
