package dev.mosaic.adapters.storage.gcs;

import com.google.api.client.http.HttpResponseException;
import com.google.cloud.storage.StorageException;
import dev.mosaic.adapters.storage.StoreFailures;
import java.util.Optional;

/** How GCS's answers become the port's: a missing object is an outcome, the rest a store failure. */
final class GcsFailures {

    /** Every client call that may fail goes through this: a failure becomes an outage naming the call. */
    static final StoreFailures<StorageException> OUTAGES = new StoreFailures<>(StorageException.class,
            (what, cause) -> "GCS " + what + " failed (" + status(cause) + "): " + cause.getMessage());

    private GcsFailures() {
    }

    static boolean isNotFound(StorageException e) {
        return status(e) == 404;
    }

    /**
     * The HTTP status GCS answered: the exception's code, or for the XML API client (which leaves the code
     * 0) that of the HTTP answer it wraps; 0 when no answer came.
     */
    static int status(StorageException e) {
        if (e.getCode() != 0) {
            return e.getCode();
        }
        return answer(e).map(HttpResponseException::getStatusCode).orElse(0);
    }

    /**
     * An XML API multipart upload GCS does not know under that name: {@code 404 NoSuchUpload}, or an upload
     * id GCS could not have made, whatever status it answers that with.
     */
    static boolean isNoSuchUpload(StorageException e) {
        return isNotFound(e) || hasXmlCode(e, "NoSuchUpload");
    }

    /** Whether GCS's answer names this XML API error code ({@code <Code>InvalidPart</Code>}). */
    static boolean hasXmlCode(StorageException e, String code) {
        String body = answer(e).map(HttpResponseException::getContent).orElse("");
        return body.contains("<Code>" + code + "</Code>") || String.valueOf(e.getMessage()).contains(code);
    }

    private static Optional<HttpResponseException> answer(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException answer) {
                return Optional.of(answer);
            }
        }
        return Optional.empty();
    }
}
