package dev.mosaic.adapters.storage.s3;

import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Objects in one S3 bucket (AWS, or any S3-compatible store). Clients move bytes with presigned
 * URLs that bind the exact length and type; the server completes multipart uploads only after
 * checking the store's own list of parts against the plan. Close it to release its connections.
 */
public final class S3Storage implements ObjectStorage, AutoCloseable {

    private final AwsCredentialsProvider credentials;
    private final S3Client client;
    private final S3Presigner presigner;
    private final PresignedUrls urls;
    private final MultipartUploads uploads;
    private final BucketObjects objects;

    public S3Storage(S3Settings settings, Clock clock) {
        this(settings, clock, StoredParts.MAX_PAGE);
    }

    /** With ListParts pages of {@code listPageSize} parts, so tests can see paging on few parts. */
    S3Storage(S3Settings settings, Clock clock, int listPageSize) {
        this.credentials = S3Clients.credentials(settings);
        this.client = S3Clients.client(settings, credentials);
        this.presigner = S3Clients.presigner(settings, credentials);
        this.urls = new PresignedUrls(presigner, settings.bucket(), clock);
        this.uploads = new MultipartUploads(client, settings.bucket(), listPageSize);
        this.objects = new BucketObjects(client, settings.bucket());
    }

    /** Browsers set {@code Content-Length} themselves; the type is the one header the client must add. */
    @Override
    public SignedRequest signPut(ObjectKey key, long size, ContentType type, Instant expiresAt) {
        return new SignedRequest(urls.put(key, size, type, expiresAt), Map.of("Content-Type", type.value()));
    }

    @Override
    public String startMultipart(ObjectKey key, ContentType type) {
        return uploads.start(key, type);
    }

    @Override
    public List<SignedPart> signParts(ObjectKey key, String uploadId, List<UploadPlan.Part> parts,
                                      Instant expiresAt) {
        return urls.parts(key, uploadId, parts, expiresAt);
    }

    @Override
    public MultipartOutcome completeMultipart(ObjectKey key, String uploadId, UploadPlan.Multipart plan,
                                              List<CompletedPart> parts) {
        return uploads.complete(key, uploadId, plan, parts);
    }

    @Override
    public void abortMultipart(ObjectKey key, String uploadId) {
        uploads.abort(key, uploadId);
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        return objects.stat(key);
    }

    @Override
    public byte[] readHead(ObjectKey key, int length) {
        return objects.readHead(key, length);
    }

    @Override
    public LocalCopy localCopy(ObjectKey key) {
        return objects.localCopy(key);
    }

    @Override
    public void put(ObjectKey key, Path source, ContentType type) {
        objects.put(key, source, type);
    }

    @Override
    public boolean seal(ObjectKey raw, ObjectKey sealed) {
        return objects.copy(raw, sealed);
    }

    @Override
    public void delete(ObjectKey key) {
        objects.delete(key);
    }

    @Override
    public URI signGet(ObjectKey key, Instant expiresAt, Delivery delivery) {
        return urls.get(key, expiresAt, delivery);
    }

    /** The bucket answers HeadBucket with these credentials. */
    @Override
    public boolean isHealthy() {
        return objects.bucketAnswers();
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
        if (credentials instanceof SdkAutoCloseable refreshing) {
            refreshing.close();
        }
    }
}
