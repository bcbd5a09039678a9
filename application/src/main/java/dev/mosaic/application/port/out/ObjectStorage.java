package dev.mosaic.application.port.out;

import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.io.Closeable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where bytes live. Clients move bytes with URLs signed here; the server only verifies,
 * completes, reads for processing and writes renditions. Failures of the store itself are
 * unchecked exceptions ({@link java.io.UncheckedIOException} or the adapter's own).
 */
public interface ObjectStorage {

    /** A URL for one PUT of exactly {@code size} bytes of {@code type}, and the headers to send. */
    SignedRequest signPut(ObjectKey key, long size, ContentType type, Instant expiresAt);

    /** Starts a multipart upload and answers its upload id. */
    String startMultipart(ObjectKey key, ContentType type);

    /** One URL per part, each bound to that part's exact size. */
    List<SignedPart> signParts(ObjectKey key, String uploadId, List<UploadPlan.Part> parts, Instant expiresAt);

    /** Joins the parts in order after checking them against the plan and the client's ETags. */
    MultipartOutcome completeMultipart(ObjectKey key, String uploadId, UploadPlan.Multipart plan,
                                       List<CompletedPart> parts);

    /**
     * The parts the store holds for an open multipart upload, ascending by number, each with the size and
     * ETag the store keeps (what resuming clients are told); empty when the store knows no such upload.
     */
    Optional<List<UploadedPart>> listParts(ObjectKey key, String uploadId);

    /** Drops an unfinished multipart upload and its parts; unknown uploads are ignored. */
    void abortMultipart(ObjectKey key, String uploadId);

    Optional<StoredObject> stat(ObjectKey key);

    /** Up to {@code length} leading bytes; fewer when the object is shorter. */
    byte[] readHead(ObjectKey key, int length);

    /** The object as a local file for processing; closing it removes any temporary copy. */
    LocalCopy localCopy(ObjectKey key);

    void put(ObjectKey key, Path source, ContentType type);

    /**
     * Copies an uploaded object, inside the store, to {@code sealed}: a key no URL was ever signed for, so
     * that nothing a client can still do with its upload URLs changes what is verified, processed and served.
     *
     * @return false when {@code raw} does not exist
     */
    boolean seal(ObjectKey raw, ObjectKey sealed);

    /** Deletes an object; a missing one is not an error. */
    void delete(ObjectKey key);

    /** A URL to GET the object: inline for renditions, as an attachment when a name is given. */
    URI signGet(ObjectKey key, Instant expiresAt, Delivery delivery);

    boolean isHealthy();

    /**
     * A signed PUT: its URL as the text clients are given (a store that builds it as text need not parse it into a
     * {@link URI}: 1.5 % of a batch create's CPU, issue 15), and the headers to send.
     */
    record SignedRequest(String location, Map<String, String> headers) {
        public SignedRequest {
            headers = Map.copyOf(headers);
        }

        public SignedRequest(URI url, Map<String, String> headers) {
            this(url.toString(), headers);
        }

        public URI url() {
            return URI.create(location);
        }
    }

    /** One part's signed PUT, its URL as text (see {@link SignedRequest}). */
    record SignedPart(int partNumber, long size, String location) {
        public SignedPart(int partNumber, long size, URI url) {
            this(partNumber, size, url.toString());
        }

        public URI url() {
            return URI.create(location);
        }
    }

    record StoredObject(long size, Optional<ContentType> contentType) {
    }

    /** How a GET answers: the type to serve, and a download name for attachments (empty: inline). */
    record Delivery(ContentType contentType, Optional<String> attachmentName) {
        public static Delivery inline(ContentType type) {
            return new Delivery(type, Optional.empty());
        }

        public static Delivery attachment(ContentType type, String fileName) {
            return new Delivery(type, Optional.of(fileName));
        }
    }

    sealed interface MultipartOutcome {
        record Completed(long size) implements MultipartOutcome {
        }

        /** The parts do not match what was uploaded (missing part, wrong ETag, wrong size). */
        record Refused(Refusal refusal) implements MultipartOutcome {
        }

        /** The store knows no such upload: aborted, expired, or completed before. */
        record NoSuchUpload() implements MultipartOutcome {
        }
    }

    /** A readable local file; closing it releases any temporary copy. */
    interface LocalCopy extends Closeable {
        Path path();

        @Override
        void close();

        /** A copy in a temporary file of the store's own, deleted on close. */
        static LocalCopy temporary(Path file) {
            return new LocalCopy() {
                @Override
                public Path path() {
                    return file;
                }

                @Override
                public void close() {
                    try {
                        java.nio.file.Files.deleteIfExists(file);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("could not delete the temporary copy " + file, e);
                    }
                }
            };
        }
    }
}
