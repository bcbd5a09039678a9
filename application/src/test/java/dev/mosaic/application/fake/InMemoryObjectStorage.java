package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Object storage in memory, with S3's multipart rules. Tests cannot PUT to its {@code memory://}
 * URLs, so they upload through {@link #upload} and {@link #uploadPart} as a client's PUT would.
 */
public final class InMemoryObjectStorage implements ObjectStorage {

    private final Map<ObjectKey, StoredBytes> objects = new HashMap<>();
    private final Map<String, OpenUpload> uploads = new HashMap<>();
    private final AtomicLong uploadIds = new AtomicLong();
    private volatile boolean healthy = true;
    private volatile Runnable onStartMultipart = () -> { };
    private final Map<ObjectKey, RuntimeException> failures = new HashMap<>();

    public InMemoryObjectStorage() {
    }

    // ---- test helpers: what a client's PUT to a signed URL would do

    /** Stores an object as a direct PUT to a signed URL would. */
    public synchronized void upload(ObjectKey key, byte[] bytes, ContentType type) {
        objects.put(key, new StoredBytes(bytes.clone(), type));
    }

    /** Stores one part as a part PUT would, and answers the quoted MD5 ETag S3 would send. */
    public synchronized String uploadPart(String uploadId, int partNumber, byte[] bytes) {
        OpenUpload upload = uploads.get(uploadId);
        if (upload == null) {
            throw new NoSuchElementException("no multipart upload " + uploadId);
        }
        upload.parts().put(partNumber, bytes.clone());
        return StorageEtags.quotedMd5(bytes);
    }

    public synchronized boolean exists(ObjectKey key) {
        return objects.containsKey(key);
    }

    public synchronized Set<ObjectKey> keys() {
        return Set.copyOf(objects.keySet());
    }

    /** Every object's key and every open multipart upload's id. */
    public synchronized java.util.List<String> everything() {
        java.util.List<String> names = new java.util.ArrayList<>();
        objects.keySet().forEach(key -> names.add(key.value()));
        uploads.forEach((id, upload) -> names.add("upload " + id + " of " + upload.key()));
        return names;
    }

    public synchronized int openMultipartUploads() {
        return uploads.size();
    }

    /** The stored bytes of an object, for assertions. */
    public synchronized byte[] bytesOf(ObjectKey key) {
        return stored(key).bytes().clone();
    }

    /** Runs {@code probe} each time a multipart upload starts (to see, say, whether a transaction is open then). */
    public void whenMultipartStarts(Runnable probe) {
        this.onStartMultipart = probe;
    }

    public void setHealthy(boolean healthy) {
        this.healthy = healthy;
    }

    /** From now on, every stat, seal, delete or abort of this key throws {@code failure}; null heals it. */
    public synchronized void failOn(ObjectKey key, RuntimeException failure) {
        if (failure == null) {
            failures.remove(key);
        } else {
            failures.put(key, failure);
        }
    }

    private synchronized void failIfBroken(ObjectKey key) {
        RuntimeException failure = failures.get(key);
        if (failure != null) {
            throw failure;
        }
    }

    // ---- the port

    @Override
    public SignedRequest signPut(ObjectKey key, long size, ContentType type, Instant expiresAt) {
        URI url = url(key, Map.of("length", Long.toString(size), "type", type.value(),
                "expires", Long.toString(expiresAt.getEpochSecond())));
        return new SignedRequest(url, Map.of("Content-Type", type.value()));
    }

    @Override
    public synchronized String startMultipart(ObjectKey key, ContentType type) {
        onStartMultipart.run();
        String uploadId = "memory-upload-" + uploadIds.incrementAndGet();
        uploads.put(uploadId, new OpenUpload(key, type, new HashMap<>()));
        return uploadId;
    }

    @Override
    public List<SignedPart> signParts(ObjectKey key, String uploadId, List<UploadPlan.Part> parts,
                                      Instant expiresAt) {
        return parts.stream()
                .map(part -> new SignedPart(part.number(), part.size(), url(key, Map.of(
                        "upload_id", uploadId,
                        "part_number", Integer.toString(part.number()),
                        "length", Long.toString(part.size()),
                        "expires", Long.toString(expiresAt.getEpochSecond())))))
                .toList();
    }

    @Override
    public synchronized MultipartOutcome completeMultipart(ObjectKey key, String uploadId,
                                                           UploadPlan.Multipart plan,
                                                           List<CompletedPart> parts) {
        OpenUpload upload = uploads.get(uploadId);
        if (upload == null || !upload.key().equals(key)) {
            return new MultipartOutcome.NoSuchUpload();
        }
        Optional<MultipartOutcome.Refused> refused = StoragePartCheck.check(plan, parts, upload.parts());
        if (refused.isPresent()) {
            return refused.get();
        }
        byte[] joined = new byte[Math.toIntExact(plan.fileSize())];
        int offset = 0;
        for (int number = 1; number <= plan.numParts(); number++) {
            byte[] part = upload.parts().get(number);
            System.arraycopy(part, 0, joined, offset, part.length);
            offset += part.length;
        }
        objects.put(key, new StoredBytes(joined, upload.type()));
        uploads.remove(uploadId);
        return new MultipartOutcome.Completed(joined.length);
    }

    @Override
    public synchronized Optional<List<UploadedPart>> listParts(ObjectKey key, String uploadId) {
        OpenUpload upload = uploads.get(uploadId);
        if (upload == null || !upload.key().equals(key)) {
            return Optional.empty();
        }
        return Optional.of(new TreeMap<>(upload.parts()).entrySet().stream()
                .map(part -> new UploadedPart(part.getKey(), part.getValue().length,
                        StorageEtags.quotedMd5(part.getValue())))
                .toList());
    }

    @Override
    public synchronized void abortMultipart(ObjectKey key, String uploadId) {
        failIfBroken(key);
        OpenUpload upload = uploads.get(uploadId);
        if (upload != null && upload.key().equals(key)) {
            uploads.remove(uploadId);
        }
    }

    @Override
    public synchronized Optional<StoredObject> stat(ObjectKey key) {
        failIfBroken(key);
        return Optional.ofNullable(objects.get(key))
                .map(stored -> new StoredObject(stored.bytes().length, Optional.of(stored.type())));
    }

    @Override
    public synchronized byte[] readHead(ObjectKey key, int length) {
        byte[] bytes = stored(key).bytes();
        return Arrays.copyOf(bytes, Math.min(length, bytes.length));
    }

    @Override
    public LocalCopy localCopy(ObjectKey key) {
        byte[] bytes = bytesOf(key);
        try {
            Path file = Files.createTempFile("mosaic-memory-", "-" + fileName(key));
            Files.write(file, bytes);
            return new TemporaryCopy(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(ObjectKey key, Path source, ContentType type) {
        try {
            upload(key, Files.readAllBytes(source), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized boolean seal(ObjectKey raw, ObjectKey sealed) {
        failIfBroken(raw);
        StoredBytes stored = objects.get(raw);
        if (stored == null) {
            return false;
        }
        objects.put(sealed, stored);
        return true;
    }

    @Override
    public synchronized void delete(ObjectKey key) {
        failIfBroken(key);
        objects.remove(key);
    }

    @Override
    public URI signGet(ObjectKey key, Instant expiresAt, Delivery delivery) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", delivery.contentType().value());
        delivery.attachmentName().ifPresent(name -> query.put("attachment", name));
        query.put("expires", Long.toString(expiresAt.getEpochSecond()));
        return url(key, query);
    }

    @Override
    public boolean isHealthy() {
        return healthy;
    }

    private StoredBytes stored(ObjectKey key) {
        StoredBytes stored = objects.get(key);
        if (stored == null) {
            throw new UncheckedIOException(new NoSuchFileException(key.value()));
        }
        return stored;
    }

    private static URI url(ObjectKey key, Map<String, String> query) {
        StringBuilder url = new StringBuilder("memory://bucket/").append(key.value());
        char separator = '?';
        for (Map.Entry<String, String> entry : new TreeMap<>(query).entrySet()) {
            url.append(separator).append(entry.getKey()).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private static String fileName(ObjectKey key) {
        return key.value().substring(key.value().lastIndexOf('/') + 1);
    }

    private record StoredBytes(byte[] bytes, ContentType type) {
    }

    private record OpenUpload(ObjectKey key, ContentType type, Map<Integer, byte[]> parts) {
    }

    private record TemporaryCopy(Path path) implements LocalCopy {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
