package dev.mosaic.adapters.storage.gcs;

import dev.mosaic.adapters.storage.SignatureValidity;
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
record SignedUrls(Storage storage, String bucket, SignatureValidity validity) {

    static final String CONTENT_LENGTH = "Content-Length";
    /** The client's default host. */
    private static final String GOOGLE = "https://storage.googleapis.com";

    SignedUrls(Storage storage, String bucket, Clock clock) {
        this(storage, bucket, new SignatureValidity(clock));
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

    /** URLs to the client's host: Google's (no host name of their own), or the endpoint it was built for. */
    private URI sign(String object, Instant expiresAt, SignUrlOption... options) {
        List<SignUrlOption> all = new ArrayList<>(List.of(SignUrlOption.withV4Signature(), SignUrlOption.withPathStyle()));
        String host = storage.getOptions().getHost().replaceFirst("/+$", "");
        if (!GOOGLE.equals(host)) {
            all.add(SignUrlOption.withHostName(host));
        }
        all.addAll(List.of(options));
        URL url;
        try {
            url = storage.signUrl(BlobInfo.newBuilder(bucket, object).build(),
                    validity.until(expiresAt).toSeconds(), TimeUnit.SECONDS, all.toArray(SignUrlOption[]::new));
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
}
