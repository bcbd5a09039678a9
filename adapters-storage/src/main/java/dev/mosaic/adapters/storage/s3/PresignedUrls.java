package dev.mosaic.adapters.storage.s3;

import dev.mosaic.adapters.storage.SignatureValidity;
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
record PresignedUrls(S3Presigner presigner, String bucket, SignatureValidity validity) {

    PresignedUrls(S3Presigner presigner, String bucket, Clock clock) {
        this(presigner, bucket, new SignatureValidity(clock));
    }

    URI put(ObjectKey key, long size, ContentType type, Instant expiresAt) {
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket).key(key.value()).contentLength(size).contentType(type.value()).build();
        return uri(presigner.presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(validity.until(expiresAt)).putObjectRequest(put).build()).url());
    }

    List<SignedPart> parts(ObjectKey key, String uploadId, List<UploadPlan.Part> parts, Instant expiresAt) {
        Duration lifetime = validity.until(expiresAt);
        return parts.stream().map(part -> new SignedPart(part.number(), part.size(), uri(presigner.presignUploadPart(
                UploadPartPresignRequest.builder().signatureDuration(lifetime).uploadPartRequest(UploadPartRequest.builder()
                        .bucket(bucket).key(key.value()).uploadId(uploadId)
                        .partNumber(part.number()).contentLength(part.size()).build()).build()).url())))
                .toList();
    }

    URI get(ObjectKey key, Instant expiresAt, Delivery delivery) {
        GetObjectRequest.Builder get = GetObjectRequest.builder()
                .bucket(bucket).key(key.value()).responseContentType(delivery.contentType().value());
        delivery.attachmentName().map(ContentDisposition::attachment).ifPresent(get::responseContentDisposition);
        return uri(presigner.presignGetObject(GetObjectPresignRequest.builder()
                .signatureDuration(validity.until(expiresAt)).getObjectRequest(get.build()).build()).url());
    }

    /** Until {@code expiresAt}, at most SigV4's seven days (a client asks the parts endpoint again). */
    private static URI uri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK signed a URL that is not a URI: " + url, e);
        }
    }
}
