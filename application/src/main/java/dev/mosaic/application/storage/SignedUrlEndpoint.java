package dev.mosaic.application.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the signed URLs of a store that has no server of its own (the local disk store):
 * the HTTP adapter routes {@code PUT} and {@code GET} under {@link #PATH_PREFIX} here.
 * It is no use case and no port: the one contract between a store and the HTTP adapter that routes to it.
 * Refusals are {@link dev.mosaic.application.port.in.RequestRejected}: a bad or expired signature is {@code FORBIDDEN},
 * a body of the wrong length {@code INVALID}.
 */
public interface SignedUrlEndpoint {

    String PATH_PREFIX = "/storage/";

    /**
     * Stores a direct upload or one multipart part, streaming the body.
     *
     * @param path          the URL path after {@link #PATH_PREFIX}
     * @param query         the URL's query parameters, decoded
     * @param contentType   the request's Content-Type header, or null
     * @param contentLength the request's Content-Length, or -1 when absent
     */
    Stored put(String path, Map<String, String> query, String contentType, long contentLength, InputStream body);

    Download get(String path, Map<String, String> query);

    /** @param etag the quoted MD5 of the bytes, as S3 answers it */
    record Stored(String etag) {
    }

    /** @param attachmentName a download name for {@code Content-Disposition: attachment}, empty: inline */
    record Download(Path file, long size, String contentType, Optional<String> attachmentName) {
    }
}
