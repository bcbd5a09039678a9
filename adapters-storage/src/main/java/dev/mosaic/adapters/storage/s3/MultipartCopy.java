package dev.mosaic.adapters.storage.s3;

import dev.mosaic.domain.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * A server-side copy of an object larger than one CopyObject takes (5 GiB): a multipart upload whose parts are
 * UploadPartCopy ranges of the source. Every range is copied only if the source still has the ETag it had when
 * the copy began, so the copy is of one version of the source, never of two; an upload left half-done is aborted.
 */
final class MultipartCopy {
    /** S3's limit on parts, and on the part size of a copy. */
    static final int MAX_PARTS = 10_000;
    static final long MAX_PART = 5L * 1024 * 1024 * 1024;

    private final S3Client client;
    private final String bucket;
    private final long partSize;

    MultipartCopy(S3Client client, String bucket, long partSize) {
        this.client = client;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    /** Copies {@code source} (as {@code head} describes it) to {@code to}, keeping its type. */
    void copy(ObjectKey from, HeadObjectResponse head, ObjectKey to) {
        long size = head.contentLength();
        long part = Math.min(MAX_PART, Math.max(partSize, ceilDiv(size, MAX_PARTS)));
        String uploadId = S3Failures.OUTAGES.call("CreateMultipartUpload for a copy to " + to,
                () -> client.createMultipartUpload(request -> request.bucket(bucket).key(to.value())
                        .contentType(head.contentType()))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0, number = 1; offset < size; offset += part, number++) {
                long first = offset;
                long last = Math.min(size, offset + part) - 1;
                int partNumber = (int) number;
                UploadPartCopyResponse copied = client.uploadPartCopy(request -> request
                        .sourceBucket(bucket).sourceKey(from.value()).copySourceIfMatch(head.eTag())
                        .copySourceRange("bytes=" + first + "-" + last)
                        .destinationBucket(bucket).destinationKey(to.value())
                        .uploadId(uploadId).partNumber(partNumber));
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(copied.copyPartResult().eTag()).build());
            }
            client.completeMultipartUpload(request -> request.bucket(bucket).key(to.value()).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (RuntimeException failed) {
            abortQuietly(to, uploadId, failed);
            throw failed;
        }
    }

    private void abortQuietly(ObjectKey to, String uploadId, Exception cause) {
        try {
            client.abortMultipartUpload(request -> request.bucket(bucket).key(to.value()).uploadId(uploadId));
        } catch (SdkException alsoFailed) {
            cause.addSuppressed(alsoFailed);
        }
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
