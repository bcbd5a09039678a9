package dev.mosaic.adapters.storage.local;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Streams a PUT body into a new hidden file in a folder, refusing a body of another length than signed, and
 * makes it durable once, before answering.
 */
final class BodyReceiver {

    private BodyReceiver() {
    }

    /** A body that arrived whole, as a temporary file the caller moves into place. */
    record Received(Path file, String etag) {
    }

    static Received receive(InputStream body, Path folder, String name, long length, Optional<DiskWorkers> workers)
            throws IOException {
        Path temp = Files.createTempFile(folder, "." + name + ".", ".tmp");
        boolean kept = false;
        try {
            DigestBehind digest = new DigestBehind(length, workers.map(DiskWorkers::hasher));
            long received;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                WriteBehind disk = new WriteBehind(out, workers.map(DiskWorkers::flusher));
                received = Streams.copy(body, out, disk, digest, length + 1);
                if (received != length) {
                    throw lengthMismatch(length, received > length ? "more" : received + " bytes");
                }
                // the 200 (and its ETag) promises bytes that survive a crash
                disk.finish();
            }
            String etag = digest.etag();
            kept = true;
            return new Received(temp, etag);
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
