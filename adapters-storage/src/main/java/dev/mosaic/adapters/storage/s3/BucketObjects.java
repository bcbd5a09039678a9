package dev.mosaic.adapters.storage.s3;

import dev.mosaic.adapters.storage.BucketStore;
import dev.mosaic.adapters.storage.TemporaryCopies;
import dev.mosaic.application.port.out.ObjectStorage.LocalCopy;
import dev.mosaic.application.port.out.ObjectStorage.StoredObject;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Whole objects in the bucket: the server's own reads and writes, with the SDK's client. */
final class BucketObjects implements BucketStore.Bucket {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);

    /** The largest object one CopyObject copies. */
    static final long SINGLE_COPY_MAX = 5L * 1024 * 1024 * 1024;
    private static final long COPY_PART = 512L * 1024 * 1024;
    private static final int COPY_ATTEMPTS = 3;

    private final S3Client client;
    private final String bucket;
    private final long singleCopyMax;
    private final MultipartCopy multipartCopy;

    BucketObjects(S3Client client, String bucket) {
        this(client, bucket, SINGLE_COPY_MAX, COPY_PART);
    }

    /** With other copy sizes, so that tests can copy in parts without gigabytes. */
    BucketObjects(S3Client client, String bucket, long singleCopyMax, long copyPart) {
        this.client = client;
        this.bucket = bucket;
        this.singleCopyMax = singleCopyMax;
        this.multipartCopy = new MultipartCopy(client, bucket, copyPart);
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        HeadObjectResponse head;
        try {
            head = client.headObject(request -> request.bucket(bucket).key(key.value()));
        } catch (SdkException e) {
            if (S3Failures.isNotFound(e)) {
                return Optional.empty();
            }
            throw S3Failures.OUTAGES.failed("HeadObject of " + key, e);
        }
        return Optional.of(new StoredObject(head.contentLength(), ContentType.ofHeader(head.contentType())));
    }

    /**
     * A server-side copy keeping the type; false when the source is missing. CopyObject up to 5 GiB, a multipart
     * copy beyond (the upload limits allow far larger files); a source replaced while it is copied in parts is
     * copied again from the start.
     */
    @Override
    public boolean copy(ObjectKey from, ObjectKey to) {
        for (int attempt = 1; ; attempt++) {
            HeadObjectResponse head;
            try {
                head = client.headObject(request -> request.bucket(bucket).key(from.value()));
            } catch (SdkException e) {
                if (S3Failures.isNotFound(e)) {
                    return false;
                }
                throw S3Failures.OUTAGES.failed("HeadObject of " + from, e);
            }
            try {
                if (head.contentLength() <= singleCopyMax) {
                    client.copyObject(request -> request.sourceBucket(bucket).sourceKey(from.value())
                            .destinationBucket(bucket).destinationKey(to.value()));
                } else {
                    multipartCopy.copy(from, head, to);
                }
                return true;
            } catch (SdkException e) {
                if (S3Failures.isNotFound(e) || S3Failures.hasCode(e, S3Failures.NO_SUCH_KEY)) {
                    return false;
                }
                if (!S3Failures.isStatus(e, 412) || attempt == COPY_ATTEMPTS) {
                    throw S3Failures.OUTAGES.failed("copying " + from + " to " + to, e);
                }
            }
        }
    }

    /** A ranged GET; an empty object answers 416 to any range, and has no head. */
    @Override
    public byte[] readHead(ObjectKey key, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("read at least one byte, not " + length);
        }
        try {
            return client.getObjectAsBytes(request -> request.bucket(bucket).key(key.value())
                    .range("bytes=0-" + (length - 1))).asByteArray();
        } catch (SdkException e) {
            if (S3Failures.isStatus(e, 416)) {
                return new byte[0];
            }
            throw S3Failures.OUTAGES.failed("GetObject (first " + length + " bytes) of " + key, e);
        }
    }

    @Override
    public LocalCopy localCopy(ObjectKey key) {
        return TemporaryCopies.of(key, "mosaic-s3-", file -> {
            try (InputStream body = S3Failures.OUTAGES.call("GetObject of " + key,
                    () -> client.getObject(request -> request.bucket(bucket).key(key.value())))) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }

    @Override
    public void put(ObjectKey key, Path source, ContentType type) {
        S3Failures.OUTAGES.call("PutObject of " + key, () -> client.putObject(
                request -> request.bucket(bucket).key(key.value()).contentType(type.value()),
                RequestBody.fromFile(source)));
    }

    /** S3 answers 204 for a missing key as for a present one. */
    @Override
    public void delete(ObjectKey key) {
        S3Failures.OUTAGES.call("DeleteObject of " + key,
                () -> client.deleteObject(request -> request.bucket(bucket).key(key.value())));
    }

    /** Quickly: a health check that waits for retries and socket timeouts tells nobody anything. */
    @Override
    public boolean bucketAnswers() {
        try {
            client.headBucket(request -> request.bucket(bucket)
                    .overrideConfiguration(call -> call.apiCallTimeout(HEALTH_TIMEOUT)));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }
}
