package dev.mosaic.adapters.storage.gcs;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.services.storage.model.Bucket;
import com.google.api.services.storage.model.StorageObject;
import com.google.auth.Credentials;
import com.google.cloud.Tuple;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import com.google.cloud.storage.spi.v1.RpcBatch;
import com.google.cloud.storage.spi.v1.StorageRpc;
import com.google.cloud.storage.testing.StorageRpcTestBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * google-cloud-nio's in-memory {@code FakeStorageRpc} (from {@link LocalStorageHelper}), plus the few
 * things GCS does that it leaves out and this adapter relies on: compose (at most 32 sources, no MD5 on
 * the result), bucket metadata, batch deletes, the MD5 and generation of an object created in one
 * request, and the {@code doesNotExist} precondition. It stands in for the JSON API only; it is not
 * Google's server, and what it adds is written from Google's documentation, not observed.
 */
final class FakeGcs extends StorageRpcTestBase {

    static final String BUCKET = "mosaic-test-bucket";

    private final StorageRpc fake = (StorageRpc) LocalStorageHelper.customOptions(false).getRpc();
    private final AtomicLong generations = new AtomicLong(1);
    private final AtomicInteger composeCalls = new AtomicInteger();
    private volatile Runnable beforeCompose = () -> { };
    private volatile boolean bucketAnswers = true;

    /** A client of this fake whose credentials sign URLs, as a service account's would. */
    Storage client(Credentials signer) {
        return StorageOptions.http()
                .setProjectId("mosaic-test")
                .setCredentials(signer)
                .setServiceRpcFactory(options -> this)
                .build()
                .getService();
    }

    int composeCalls() {
        return composeCalls.get();
    }

    /** Runs {@code action} before every compose: what another client does meanwhile. */
    void beforeCompose(Runnable action) {
        this.beforeCompose = action;
    }

    /** From now on every bucket metadata GET is refused, as for credentials without access. */
    void stopAnswering() {
        this.bucketAnswers = false;
    }

    @Override
    public StorageObject create(StorageObject object, InputStream content, Map<Option, ?> options) {
        if (Long.valueOf(0).equals(options.get(Option.IF_GENERATION_MATCH)) && exists(object)) {
            throw new StorageException(412, "conditionNotMet: " + object.getName() + " exists");
        }
        byte[] bytes = readAll(content);
        object.setMd5Hash(Base64.getEncoder().encodeToString(md5(bytes)));
        object.setGeneration(generations.getAndIncrement());
        return fake.create(object, new ByteArrayInputStream(bytes), Map.of());
    }

    @Override
    public StorageObject get(StorageObject object, Map<Option, ?> options) {
        return fake.get(object, Map.of());
    }

    /** Only the one bucket exists. */
    @Override
    public Bucket get(Bucket bucket, Map<Option, ?> options) {
        if (!bucketAnswers) {
            throw new StorageException(403, "Forbidden: the credentials may not read the bucket");
        }
        return BUCKET.equals(bucket.getName()) ? new Bucket().setName(BUCKET) : null;
    }

    @Override
    public Tuple<String, Iterable<StorageObject>> list(String bucket, Map<Option, ?> options) {
        return fake.list(bucket, options);
    }

    @Override
    public boolean delete(StorageObject object, Map<Option, ?> options) {
        return fake.delete(object, Map.of());
    }

    /** Joins the sources' bytes; a missing source, or one of another generation, is a 404 as on GCS. */
    @Override
    public StorageObject compose(Iterable<StorageObject> sources, StorageObject target, Map<Option, ?> options) {
        beforeCompose.run();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int count = 0;
        int components = 0;
        for (StorageObject source : sources) {
            StorageObject found = fake.get(new StorageObject().setBucket(target.getBucket()).setName(source.getName()),
                    Map.of());
            if (found == null || source.getGeneration() != null && !source.getGeneration().equals(found.getGeneration())) {
                throw new StorageException(404, "no source object " + source.getName() + "#" + source.getGeneration());
            }
            joined.writeBytes(fake.load(found, Map.of()));
            components += found.getComponentCount() == null ? 1 : found.getComponentCount();
            count++;
        }
        if (count == 0 || count > ComposeTree.MAX_SOURCES) {
            throw new StorageException(400, "compose takes 1 to 32 source objects, not " + count);
        }
        composeCalls.incrementAndGet();
        StorageObject composite = target.clone().setComponentCount(components).setMd5Hash(null)
                .setGeneration(generations.getAndIncrement());
        return fake.create(composite, new ByteArrayInputStream(joined.toByteArray()), Map.of());
    }

    @Override
    public byte[] load(StorageObject object, Map<Option, ?> options) {
        return fake.load(object, options);
    }

    @Override
    public Tuple<String, byte[]> read(StorageObject from, Map<Option, ?> options, long position, int bytes) {
        return fake.read(from, options, position, bytes);
    }

    @Override
    public long read(StorageObject from, Map<Option, ?> options, long position, OutputStream out) {
        return fake.read(from, options, position, out);
    }

    @Override
    public String open(StorageObject object, Map<Option, ?> options) {
        return fake.open(object, options);
    }

    @Override
    public String open(String signedUrl) {
        return fake.open(signedUrl);
    }

    @Override
    public void write(String uploadId, byte[] bytes, int offset, long destOffset, int length, boolean last) {
        fake.write(uploadId, bytes, offset, destOffset, length, last);
    }

    @Override
    public StorageObject writeWithResponse(String uploadId, byte[] bytes, int offset, long destOffset, int length,
                                           boolean last) {
        return fake.writeWithResponse(uploadId, bytes, offset, destOffset, length, last);
    }

    @Override
    public com.google.api.services.storage.Storage getStorage() {
        return fake.getStorage();
    }

    /** Runs the batched calls one by one when submitted, as GCS answers each part of a batch. */
    @Override
    public RpcBatch createBatch() {
        List<Runnable> queued = new ArrayList<>();
        return new RpcBatch() {
            @Override
            public void addDelete(StorageObject object, Callback<Void> callback, Map<Option, ?> options) {
                queued.add(() -> {
                    if (delete(object, options)) {
                        callback.onSuccess(null);
                    } else {
                        callback.onFailure(notFound(object));
                    }
                });
            }

            @Override
            public void addPatch(StorageObject object, Callback<StorageObject> callback, Map<Option, ?> options) {
                throw new UnsupportedOperationException("patch is not used by the adapter");
            }

            @Override
            public void addGet(StorageObject object, Callback<StorageObject> callback, Map<Option, ?> options) {
                queued.add(() -> {
                    StorageObject found = get(object, options);
                    if (found != null) {
                        callback.onSuccess(found);
                    } else {
                        callback.onFailure(notFound(object));
                    }
                });
            }

            @Override
            public void submit() {
                queued.forEach(Runnable::run);
                queued.clear();
            }
        };
    }

    private boolean exists(StorageObject object) {
        return fake.get(new StorageObject().setBucket(object.getBucket()).setName(object.getName()), Map.of()) != null;
    }

    private static GoogleJsonError notFound(StorageObject object) {
        GoogleJsonError error = new GoogleJsonError();
        error.setCode(404);
        error.setMessage("No such object: " + object.getBucket() + "/" + object.getName());
        error.setErrors(List.of());
        return error;
    }

    private static byte[] readAll(InputStream content) {
        try {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
