package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/** Streams a PUT body into a new hidden file in a folder, refusing a body of another length than signed. */
final class BodyReceiver {

    private BodyReceiver() {
    }

    /** A body that arrived whole, as a temporary file the caller moves into place. */
    record Received(Path file, String etag) {
    }

    static Received receive(InputStream body, Path folder, String name, long length) throws IOException {
        Path temp = Files.createTempFile(folder, "." + name + ".", ".tmp");
        boolean kept = false;
        try {
            MessageDigest md5 = Streams.md5();
            long received;
            try (OutputStream out = Files.newOutputStream(temp)) {
                received = Streams.copy(body, out, md5, length + 1);
            }
            if (received != length) {
                throw lengthMismatch(length, received > length ? "more" : received + " bytes");
            }
            kept = true;
            return new Received(temp, Streams.quotedEtag(md5));
        } finally {
            if (!kept) {
                Files.deleteIfExists(temp);
            }
        }
    }

    static RequestRejected lengthMismatch(long signed, String sent) {
        return new RequestRejected(Reason.INVALID, "length_mismatch",
                "this URL takes exactly " + signed + " bytes, the request sent " + sent);
    }
}
