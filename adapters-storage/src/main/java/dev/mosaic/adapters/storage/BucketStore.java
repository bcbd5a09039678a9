package dev.mosaic.adapters.storage;

import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store whose bytes live in a cloud bucket (S3, GCS): multipart uploads and objects are the bucket's
 * own parts, given once here; each store adds only how it signs URLs and what it closes.
 */
public abstract class BucketStore implements ObjectStorage, AutoCloseable {

    /** The store's multipart uploads. */
    public interface Uploads {
        String start(ObjectKey key, ContentType type);

        MultipartOutcome complete(ObjectKey key, String uploadId, UploadPlan.Multipart plan,
                                  List<CompletedPart> claimed);

        /** Ascending by number; empty when the store knows no such upload (for this key). */
        Optional<List<UploadedPart>> list(ObjectKey key, String uploadId);

        void abort(ObjectKey key, String uploadId);
    }

    /** The bucket's objects. */
    public interface Bucket {
        Optional<StoredObject> stat(ObjectKey key);

        byte[] readHead(ObjectKey key, int length);

        LocalCopy localCopy(ObjectKey key);

        void put(ObjectKey key, Path source, ContentType type);

        void delete(ObjectKey key);

        /** A copy inside the bucket; false when {@code from} is missing. */
        boolean copy(ObjectKey from, ObjectKey to);

        /** Whether the bucket answers with these credentials, quickly. */
        boolean bucketAnswers();
    }

    private final Uploads uploads;
    private final Bucket objects;

    protected BucketStore(Uploads uploads, Bucket objects) {
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.objects = Objects.requireNonNull(objects, "objects");
    }

    @Override
    public String startMultipart(ObjectKey key, ContentType type) {
        return uploads.start(key, type);
    }

    @Override
    public MultipartOutcome completeMultipart(ObjectKey key, String uploadId, UploadPlan.Multipart plan,
                                              List<CompletedPart> parts) {
        return uploads.complete(key, uploadId, plan, parts);
    }

    @Override
    public Optional<List<UploadedPart>> listParts(ObjectKey key, String uploadId) {
        return uploads.list(key, uploadId);
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
    public boolean isHealthy() {
        return objects.bucketAnswers();
    }

    @Override
    public abstract void close();
}
