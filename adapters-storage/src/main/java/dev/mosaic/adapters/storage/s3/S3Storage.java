package dev.mosaic.adapters.storage.s3;

import dev.mosaic.adapters.storage.BucketStore;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Objects in one S3 bucket (AWS, or any S3-compatible store). Clients move bytes with presigned
 * URLs that bind the exact length and type; the server completes multipart uploads only after
 * checking the store's own list of parts against the plan. Close it to release its connections.
 */
public final class S3Storage extends BucketStore {

    private final AwsCredentialsProvider credentials;
    private final S3Client client;
    private final S3Presigner presigner;
    private final PresignedUrls urls;

    public S3Storage(S3Settings settings, Clock clock) {
        this(settings, clock, StoredParts.MAX_PAGE);
    }

    /** With ListParts pages of {@code listPageSize} parts, so tests can see paging on few parts. */
    S3Storage(S3Settings settings, Clock clock, int listPageSize) {
        this(settings, clock, listPageSize, S3Clients.credentials(settings));
    }

    private S3Storage(S3Settings settings, Clock clock, int listPageSize, AwsCredentialsProvider credentials) {
        this(settings, clock, listPageSize, credentials, S3Clients.client(settings, credentials));
    }

    private S3Storage(S3Settings settings, Clock clock, int listPageSize, AwsCredentialsProvider credentials,
                      S3Client client) {
        super(new MultipartUploads(client, settings.bucket(), listPageSize), new BucketObjects(client, settings.bucket()));
        this.credentials = credentials;
        this.client = client;
        this.presigner = S3Clients.presigner(settings, credentials);
        this.urls = new PresignedUrls(presigner, settings.bucket(), clock);
    }

    /** Browsers set {@code Content-Length} themselves; the type is the one header the client must add. */
    @Override
    public SignedRequest signPut(ObjectKey key, long size, ContentType type, Instant expiresAt) {
        return new SignedRequest(urls.put(key, size, type, expiresAt), Map.of("Content-Type", type.value()));
    }

    @Override
    public List<SignedPart> signParts(ObjectKey key, String uploadId, List<UploadPlan.Part> parts,
                                      Instant expiresAt) {
        return urls.parts(key, uploadId, parts, expiresAt);
    }

    @Override
    public URI signGet(ObjectKey key, Instant expiresAt, Delivery delivery) {
        return urls.get(key, expiresAt, delivery);
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
