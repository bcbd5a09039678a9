package dev.mosaic.adapters.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies through fixed buffers, hashing as it goes, so no body is ever whole in memory. */
final class Streams {

    /**
     * Large enough that a write costs few system calls; small enough for every concurrent PUT to hold
     * {@link DigestBehind#BUFFERS}.
     */
    static final int BUFFER = 256 * 1024;

    private Streams() {
    }

    /** Copies at most {@code limit} bytes and answers how many; the caller learns of more by asking one extra. */
    static long copy(InputStream in, OutputStream out, MessageDigest digest, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        while (copied < limit) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            digest.update(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    /**
     * The same, into a file channel: one system call per buffer, the disk told to write as bytes arrive, and the
     * bytes hashed behind the copy.
     */
    static long copy(InputStream in, FileChannel out, WriteBehind disk, DigestBehind digest, long limit)
            throws IOException {
        long copied = 0;
        while (copied < limit) {
            byte[] buffer = digest.buffer();
            int read = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            if (read <= 0) {
                break;
            }
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
            digest.hash(read);
            disk.wrote(read);
            copied += read;
        }
        return copied;
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** The ETag S3 answers for these bytes: their MD5 in hex, quoted. */
    static String quotedEtag(MessageDigest digest) {
        return '"' + HexFormat.of().formatHex(digest.digest()) + '"';
    }
}
