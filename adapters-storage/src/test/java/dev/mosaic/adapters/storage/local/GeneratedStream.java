package dev.mosaic.adapters.storage.local;

import java.io.InputStream;

/** A long body made up as it is read, so the test itself never holds it. */
final class GeneratedStream extends InputStream {

    private final long length;
    private long position;

    GeneratedStream(long length) {
        this.length = length;
    }

    @Override
    public int read() {
        return position < length ? byteAt(position++) : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) byteAt(position++);
        }
        return n;
    }

    private static int byteAt(long position) {
        return (int) ((position * 31 + (position >>> 13)) & 0xFF);
    }
}
