package dev.mosaic.adapters.storage.gcs;

import com.google.auth.ServiceAccountSigner;
import com.google.cloud.storage.HttpStorageOptions;
import com.google.cloud.storage.MultipartUploadClient;
import com.google.cloud.storage.MultipartUploadSettings;
import com.google.cloud.storage.Storage;
import dev.mosaic.adapters.storage.BucketStore;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Objects in one Google Cloud Storage bucket. Clients move bytes with V4 signed URLs: a direct upload's
 * URL signs its type and exact {@code Content-Length} (which browsers send by themselves); a multipart
 * upload is an XML API multipart upload whose part URLs sign their part's length the same way, completed
 * once the parts GCS lists match the plan. Close it to release the client.
 */
public final class GcsStorage extends BucketStore {

    private final Storage storage;
    private final SignedUrls urls;
    private final ExecutorService healthChecks;

    /** Credentials from the settings' key file, else Application Default Credentials; both must sign URLs. */
    public GcsStorage(GcsSettings settings, Clock clock) {
        this(GcsClients.storage(settings), settings.bucket(), clock);
    }

    /**
     * Over a client built elsewhere (tests, or a deployment with its own options), whose credentials
     * must be able to sign URLs. Closing this store closes that client.
     */
    public GcsStorage(Storage storage, String bucket, Clock clock) {
        this(signing(storage), new GcsSettings(bucket, Optional.empty()).bucket(), clock, healthChecks(bucket));
    }

    private GcsStorage(Storage storage, String bucket, Clock clock, ExecutorService healthChecks) {
        super(new XmlMultipartUploads(MultipartUploadClient.create(MultipartUploadSettings.of(
                        (HttpStorageOptions) storage.getOptions())), bucket, XmlMultipartUploads.MAX_PAGE),
                new BucketObjects(storage, bucket, healthChecks));
        this.storage = storage;
        this.healthChecks = healthChecks;
        this.urls = new SignedUrls(storage, bucket, clock);
    }

    private static Storage signing(Storage storage) {
        Objects.requireNonNull(storage, "storage");
        if (!(storage.getOptions() instanceof HttpStorageOptions)) {
            throw new IllegalArgumentException("the GCS client must use the HTTP transport (StorageOptions.http())");
        }
        if (!(storage.getOptions().getCredentials() instanceof ServiceAccountSigner)) {
            throw new IllegalArgumentException("the GCS client's credentials cannot sign URLs: give it a service "
                    + "account's credentials");
        }
        return storage;
    }

    private static ExecutorService healthChecks(String bucket) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "gcs-health-" + bucket);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The instruction asks for the type alone: the signed length is the one the client sends anyway. */
    @Override
    public SignedRequest signPut(ObjectKey key, long size, ContentType type, Instant expiresAt) {
        if (size <= 0) {
            throw new IllegalArgumentException("a signed PUT carries at least one byte, not " + size);
        }
        return urls.put(key.value(), size, type, expiresAt);
    }

    /** Each part's URL PUTs that part of the upload, its exact length signed; nothing is asked of GCS. */
    @Override
    public List<SignedPart> signParts(ObjectKey key, String uploadId, List<UploadPlan.Part> parts,
                                      Instant expiresAt) {
        return parts.stream()
                .map(part -> new SignedPart(part.number(), part.size(),
                        urls.putPart(key.value(), uploadId, part.number(), part.size(), expiresAt)))
                .toList();
    }

    @Override
    public URI signGet(ObjectKey key, Instant expiresAt, Delivery delivery) {
        return urls.get(key.value(), expiresAt, delivery);
    }

    @Override
    public void close() {
        healthChecks.shutdownNow();
        try {
            storage.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the GCS client", e);
        }
    }
}
