package dev.mosaic.adapters.storage.gcs;

import dev.mosaic.adapters.storage.BucketStore;
import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BucketField;
import com.google.cloud.storage.Storage.BucketGetOption;
import com.google.cloud.storage.StorageException;
import dev.mosaic.adapters.storage.TemporaryCopies;
import dev.mosaic.application.port.out.ObjectStorage.LocalCopy;
import dev.mosaic.application.port.out.ObjectStorage.StoredObject;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Whole objects in the bucket: the server's own reads and writes, with the client's JSON API calls. */
final class BucketObjects implements BucketStore.Bucket {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);

    private final Storage storage;
    private final String bucket;
    private final Executor healthChecks;

    BucketObjects(Storage storage, String bucket, Executor healthChecks) {
        this.storage = storage;
        this.bucket = bucket;
        this.healthChecks = healthChecks;
    }

    @Override
    public Optional<StoredObject> stat(ObjectKey key) {
        return Optional.ofNullable(metadata(key))
                .map(blob -> new StoredObject(sizeOf(blob), ContentType.ofHeader(blob.getContentType())));
    }

    /**
     * A ranged read of that very generation, never past the end: GCS answers a range starting beyond an
     * empty object with 416, and the size is known from the metadata anyway.
     */
    @Override
    public byte[] readHead(ObjectKey key, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("read at least one byte, not " + length);
        }
        Blob blob = metadata(key);
        if (blob == null) {
            throw new UncheckedIOException(new NoSuchFileException("gs://" + bucket + "/" + key));
        }
        int wanted = (int) Math.min(length, sizeOf(blob));
        ByteBuffer head = ByteBuffer.allocate(wanted);
        try (ReadChannel reader = storage.reader(BlobId.of(bucket, key.value(), blob.getGeneration()))) {
            reader.limit(wanted);
            int read = 0;
            while (head.hasRemaining() && read >= 0) {
                read = reader.read(head);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the first " + wanted + " bytes of " + key, e);
        } catch (StorageException e) {
            throw GcsFailures.OUTAGES.failed("reading the first " + wanted + " bytes of " + key, e);
        }
        return Arrays.copyOf(head.array(), head.position());
    }

    @Override
    public LocalCopy localCopy(ObjectKey key) {
        return TemporaryCopies.of(key, "mosaic-gcs-", file -> GcsFailures.OUTAGES.call("downloading " + key, () -> {
            storage.downloadTo(BlobId.of(bucket, key.value()), file);
            return file;
        }));
    }

    @Override
    public void put(ObjectKey key, Path source, ContentType type) {
        try {
            storage.createFrom(BlobInfo.newBuilder(bucket, key.value()).setContentType(type.value()).build(), source);
        } catch (IOException e) {
            throw new UncheckedIOException("could not upload " + source + " to " + key, e);
        } catch (StorageException e) {
            throw GcsFailures.OUTAGES.failed("uploading " + key, e);
        }
    }

    /**
     * A server-side copy, keeping the type; false when the source is missing. A compose of the one source
     * object is a copy inside the bucket for GCS, and unlike a rewrite the test double runs it too.
     */
    @Override
    public boolean copy(ObjectKey from, ObjectKey to) {
        try {
            Blob source = storage.get(BlobId.of(bucket, from.value()));
            if (source == null) {
                return false;
            }
            storage.compose(Storage.ComposeRequest.newBuilder()
                    .addSource(from.value(), source.getGeneration())
                    .setTarget(BlobInfo.newBuilder(bucket, to.value()).setContentType(source.getContentType()).build())
                    .build());
            return true;
        } catch (StorageException e) {
            if (GcsFailures.isNotFound(e)) {
                return false;
            }
            throw GcsFailures.OUTAGES.failed("copying " + from + " to " + to, e);
        }
    }

    /** GCS answers {@code false} for a missing object: nothing to do. */
    @Override
    public void delete(ObjectKey key) {
        GcsFailures.OUTAGES.call("deleting " + key, () -> storage.delete(BlobId.of(bucket, key.value())));
    }

    /** Quickly: a health check that waits for the client's retries tells nobody anything. */
    @Override
    public boolean bucketAnswers() {
        CompletableFuture<Boolean> answer;
        try {
            answer = CompletableFuture.supplyAsync(
                    () -> storage.get(bucket, BucketGetOption.fields(BucketField.NAME)) != null, healthChecks);
        } catch (RejectedExecutionException closed) {
            return false;
        }
        try {
            return answer.get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Blob metadata(ObjectKey key) {
        return GcsFailures.OUTAGES.call("reading the metadata of " + key, () -> storage.get(BlobId.of(bucket, key.value())));
    }

    private static long sizeOf(Blob blob) {
        return blob.getSize() == null ? 0 : blob.getSize();
    }
}
