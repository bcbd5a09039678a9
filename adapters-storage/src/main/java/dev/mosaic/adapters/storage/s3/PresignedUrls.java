package dev.mosaic.adapters.storage.s3;

import dev.mosaic.application.storage.ContentDisposition;
import dev.mosaic.application.port.out.ObjectStorage.Delivery;
import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.UploadPartPresignRequest;

/**
 * SigV4 query-signed URLs from one shared presigner (signing is CPU only, ~tens of microseconds).
 * PUTs sign their exact {@code Content-Length}, so the store refuses a body of any other size.
 */
final class PresignedUrls {

    /** SigV4's longest validity. */
    static final Duration MAX_VALIDITY = Duration.ofDays(7);
    /** SigV4 counts whole seconds. */
    private static final Duration MIN_VALIDITY = Duration.ofSeconds(1);

    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;

    PresignedUrls(S3Presigner presigner, String bucket, Clock clock) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
    }

    URI put(ObjectKey key, long size, ContentType type, Instant expiresAt) {
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket).key(key.value()).contentLength(size).contentType(type.value()).build();
        return uri(presigner.presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(validity(expiresAt)).putObjectRequest(put).build()).url());
    }

    List<SignedPart> parts(ObjectKey key, String uploadId, List<UploadPlan.Part> parts, Instant expiresAt) {
        Duration validity = validity(expiresAt);
        return parts.stream().map(part -> new SignedPart(part.number(), part.size(), uri(presigner.presignUploadPart(
                UploadPartPresignRequest.builder().signatureDuration(validity).uploadPartRequest(UploadPartRequest.builder()
                        .bucket(bucket).key(key.value()).uploadId(uploadId)
                        .partNumber(part.number()).contentLength(part.size()).build()).build()).url())))
                .toList();
    }

    URI get(ObjectKey key, Instant expiresAt, Delivery delivery) {
        GetObjectRequest.Builder get = GetObjectRequest.builder()
                .bucket(bucket).key(key.value()).responseContentType(delivery.contentType().value());
        delivery.attachmentName().map(ContentDisposition::attachment).ifPresent(get::responseContentDisposition);
        return uri(presigner.presignGetObject(GetObjectPresignRequest.builder()
                .signatureDuration(validity(expiresAt)).getObjectRequest(get.build()).build()).url());
    }

    /** Until {@code expiresAt}, at most SigV4's seven days (a client asks the parts endpoint again). */
    private Duration validity(Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative() || left.isZero()) {
            throw new IllegalArgumentException("a URL that expires at " + expiresAt + " would be dead on arrival");
        }
        if (left.compareTo(MIN_VALIDITY) < 0) {
            return MIN_VALIDITY;
        }
        return left.compareTo(MAX_VALIDITY) > 0 ? MAX_VALIDITY : left;
    }

    private static URI uri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK signed a URL that is not a URI: " + url, e);
        }
    }
}
