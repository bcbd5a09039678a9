package dev.mosaic.adapters.storage.gcs;

import com.google.api.client.http.HttpResponseException;
import com.google.cloud.storage.StorageException;
import dev.mosaic.application.port.out.Unavailable;
import java.util.function.Supplier;

/** How GCS's answers become the port's: a missing object is an outcome, the rest a store failure. */
final class GcsFailures {

    private GcsFailures() {
    }

    /** Runs one client call; a failure of the store becomes the port's, naming what was attempted. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (StorageException e) {
            throw failed(what, e);
        }
    }

    /** GCS unreachable, refusing Mosaic's credentials or answering its own failure: an outage. */
    static Unavailable failed(String what, StorageException cause) {
        return new Unavailable(Unavailable.Part.STORAGE,
                "GCS " + what + " failed (" + status(cause) + "): " + cause.getMessage(), cause);
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

    /** The XML API's error code ({@code <Code>InvalidPart</Code>}) in GCS's answer, if it says one. */
    static boolean hasXmlCode(StorageException e, String code) {
        String body = answer(e).map(HttpResponseException::getContent).orElse("");
        return body.contains("<Code>" + code + "</Code>") || String.valueOf(e.getMessage()).contains(code);
    }

    private static java.util.Optional<HttpResponseException> answer(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException answer) {
                return java.util.Optional.of(answer);
            }
        }
        return java.util.Optional.empty();
    }
}
