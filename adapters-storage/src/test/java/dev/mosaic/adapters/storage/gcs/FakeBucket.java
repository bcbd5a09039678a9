package dev.mosaic.adapters.storage.gcs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one bucket of the test double holds: its objects (each write a new generation) and its open XML API
 * multipart uploads with their parts. Shared by the double's JSON and XML APIs.
 */
final class FakeBucket {

    /** An object as GCS keeps it; {@code md5} is empty for a multipart or composed object, as on GCS. */
    record StoredObject(String name, byte[] bytes, String contentType, long generation, Optional<byte[]> md5,
                        Map<String, String> metadata) {
    }

    /** A part of an open upload, with the ETag its PUT answered (the quoted hex MD5). */
    record StoredPart(int number, byte[] bytes, String etag) {
    }

    /** An open multipart upload of one object name. */
    record Upload(String key, String contentType, NavigableMap<Integer, StoredPart> parts) {
    }

    final String name;
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong(1_000_000);
    private final SecureRandom random = new SecureRandom();

    FakeBucket(String name) {
        this.name = name;
    }

    Optional<StoredObject> object(String object) {
        return Optional.ofNullable(objects.get(object));
    }

    List<StoredObject> objects() {
        return List.copyOf(objects.values());
    }

    StoredObject write(String object, byte[] bytes, String contentType, boolean withMd5, Map<String, String> metadata) {
        StoredObject stored = new StoredObject(object, bytes, contentType == null ? "application/octet-stream"
                : contentType, generations.incrementAndGet(), withMd5 ? Optional.of(md5(bytes)) : Optional.empty(),
                Map.copyOf(metadata));
        objects.put(object, stored);
        return stored;
    }

    boolean delete(String object) {
        return objects.remove(object) != null;
    }

    String startUpload(String key, String contentType) {
        byte[] id = new byte[24];
        random.nextBytes(id);
        String uploadId = "ABPnzm" + HexFormat.of().formatHex(id);
        uploads.put(uploadId, new Upload(key, contentType, new ConcurrentSkipListMap<>()));
        return uploadId;
    }

    /** The upload, only under the name it was started for. */
    Optional<Upload> upload(String key, String uploadId) {
        return Optional.ofNullable(uploads.get(uploadId)).filter(upload -> upload.key().equals(key));
    }

    boolean endUpload(String key, String uploadId) {
        return upload(key, uploadId).map(upload -> uploads.remove(uploadId) != null).orElse(false);
    }

    /** Every object's name and every open multipart upload, as the bucket holds them. */
    List<String> everything() {
        List<String> names = new java.util.ArrayList<>(objects.keySet());
        uploads.forEach((id, upload) -> names.add("upload " + id + " of " + upload.key()));
        return names;
    }

    int openUploads() {
        return uploads.size();
    }

    static String quotedMd5(byte[] bytes) {
        return '"' + HexFormat.of().formatHex(md5(bytes)) + '"';
    }

    static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
