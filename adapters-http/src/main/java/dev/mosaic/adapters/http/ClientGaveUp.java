package dev.mosaic.adapters.http;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Reading a request body failed: the client disconnected, cut its body short or stopped sending.
 * An {@link IOException} so that whatever was streaming the body cleans up as for any broken read.
 */
final class ClientGaveUp extends IOException {

    ClientGaveUp(IOException cause) {
        super("the client stopped sending its body: " + cause, cause);
    }

    /** The connection went idle rather than closing. */
    boolean timedOut() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
