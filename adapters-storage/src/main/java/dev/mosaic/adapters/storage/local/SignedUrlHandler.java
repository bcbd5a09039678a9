package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.port.in.AdmitUploadUseCase;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.storage.SignedUrlEndpoint.Download;
import dev.mosaic.application.storage.SignedUrlEndpoint.Stored;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** Serves the store's signed URLs: checks the grant, then streams the body in or names the file out. */
final class SignedUrlHandler {

    private final UrlSigner signer;
    private final ObjectFiles objects;
    private final MultipartFolders uploads;
    private final DiskLayout layout;
    private final Optional<DiskWorkers> workers;
    private final AdmitUploadUseCase admission;

    SignedUrlHandler(UrlSigner signer, ObjectFiles objects, MultipartFolders uploads, DiskLayout layout,
                     Optional<DiskWorkers> workers, AdmitUploadUseCase admission) {
        this.signer = signer;
        this.admission = admission;
        this.objects = objects;
        this.uploads = uploads;
        this.layout = layout;
        this.workers = workers;
    }

    Stored put(String path, Map<String, String> query, String contentType, long contentLength, InputStream body)
            throws IOException {
        Grant grant = signer.verifyPut(keyOf(path), query == null ? Map.of() : query);
        // a URL signed for an upload that is over (sealed, cancelled, expired, failed) writes nothing
        admission.admit(grant instanceof Grant.PutPart part ? part.key() : ((Grant.PutObject) grant).key());
        if (grant instanceof Grant.PutPart part) {
            requireLength(part.length(), contentLength);
            return new Stored(uploads.receivePart(part, body, workers));
        }
        Grant.PutObject put = (Grant.PutObject) grant;
        requireLength(put.length(), contentLength);
        requireType(put.type(), contentType);
        BodyReceiver.Received received =
                BodyReceiver.receive(body, objects.folderOf(put.key()), ObjectFiles.nameOf(put.key()), put.length(),
                        workers);
        Path existing = layout.object(put.key());
        if (Files.exists(existing)) {
            return sameBytesAgain(received, existing);
        }
        objects.moveIntoPlace(received.file(), put.key(), put.type());
        return new Stored(received.etag());
    }

    /**
     * An object is written once: a verified upload can never be swapped for other bytes. A client
     * repeating its PUT (its answer was lost) gets the same answer; other bytes are refused.
     */
    private static Stored sameBytesAgain(BodyReceiver.Received received, Path existing) throws IOException {
        try {
            MessageDigest digest = Streams.md5();
            try (InputStream stored = Files.newInputStream(existing)) {
                Streams.copy(stored, OutputStream.nullOutputStream(), digest, Long.MAX_VALUE);
            }
            if (!Streams.quotedEtag(digest).equals(received.etag())) {
                throw new RequestRejected(Reason.CONFLICT, "object_exists",
                        "this upload was already made; its bytes cannot be replaced");
            }
            return new Stored(received.etag());
        } finally {
            Files.deleteIfExists(received.file());
        }
    }

    Download get(String path, Map<String, String> query) throws IOException {
        Grant.GetObject grant = signer.verifyGet(keyOf(path), query == null ? Map.of() : query);
        BasicFileAttributes attributes = objects.attributes(grant.key()).orElseThrow(SignedUrlHandler::notFound);
        return new Download(layout.object(grant.key()), attributes.size(), grant.type().value(),
                grant.attachmentName());
    }

    private static ObjectKey keyOf(String path) {
        return ObjectKey.parse(path).orElseThrow(SignedUrlHandler::notFound);
    }

    private static void requireLength(long signed, long contentLength) {
        if (contentLength >= 0 && contentLength != signed) {
            throw BodyReceiver.lengthMismatch(signed, contentLength + " bytes");
        }
    }

    /** A browser sends no type for a file it cannot name; that is fine when none was expected. */
    private static void requireType(ContentType signed, String sent) {
        boolean none = sent == null || sent.isBlank();
        Optional<ContentType> type = none && signed.equals(ContentType.OCTET_STREAM)
                ? Optional.of(ContentType.OCTET_STREAM)
                : ContentType.ofHeader(sent);
        if (type.filter(signed::equals).isEmpty()) {
            throw new RequestRejected(Reason.FORBIDDEN, "content_type_mismatch", "this URL takes Content-Type "
                    + signed + ", the request sent " + type.map(ContentType::toString).orElse(none ? "none" : "another"));
        }
    }

    private static RequestRejected notFound() {
        return new RequestRejected(Reason.NOT_FOUND, "object_not_found", "no such object");
    }
}
