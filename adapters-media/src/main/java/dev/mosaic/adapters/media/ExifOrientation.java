package dev.mosaic.adapters.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the orientation tag in a JPEG's APP1 Exif segment. Reads only the first 64 KiB (the
 * most an APP1 segment can hold) and trusts no length or offset in it: whatever does not add up
 * is read as upright.
 */
final class ExifOrientation {
    static final int SCAN_LIMIT = 64 * 1024;

    private static final int MARKER = 0xFF;
    private static final int SOI = 0xD8;
    private static final int APP1 = 0xE1;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

    private ExifOrientation() {
    }

    static Orientation of(Path jpeg) throws IOException {
        try (InputStream in = Files.newInputStream(jpeg)) {
            return of(in.readNBytes(SCAN_LIMIT));
        }
    }

    static Orientation of(byte[] jpeg) {
        if (jpeg.length < 4 || u8(jpeg, 0) != MARKER || u8(jpeg, 1) != SOI) {
            return Orientation.UPRIGHT;
        }
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if (u8(jpeg, pos) != MARKER) {
                return Orientation.UPRIGHT;
            }
            int marker = u8(jpeg, pos + 1);
            if (marker == MARKER) {
                pos++;
                continue;
            }
            if (marker == SOS || marker == EOI) {
                return Orientation.UPRIGHT;
            }
            int length = bigEndianShort(jpeg, pos + 2);
            if (length < 2) {
                return Orientation.UPRIGHT;
            }
            int start = pos + 4;
            int end = Math.min(jpeg.length, pos + 2 + length);
            if (marker == APP1 && startsWith(jpeg, start, end, EXIF_HEADER)) {
                return new Tiff(jpeg, start + EXIF_HEADER.length, end).orientation();
            }
            pos += 2 + length;
        }
        return Orientation.UPRIGHT;
    }

    private static boolean startsWith(byte[] bytes, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xFF;
    }

    private static int bigEndianShort(byte[] bytes, int at) {
        return (u8(bytes, at) << 8) | u8(bytes, at + 1);
    }

    /** The TIFF structure inside the segment, {@code base} to {@code end}; offsets count from base. */
    private record Tiff(byte[] bytes, int base, int end) {

        Orientation orientation() {
            if (end - base < 8) {
                return Orientation.UPRIGHT;
            }
            boolean little = u8(bytes, base) == 'I' && u8(bytes, base + 1) == 'I';
            boolean big = u8(bytes, base) == 'M' && u8(bytes, base + 1) == 'M';
            if ((!little && !big) || u16(2, little) != 42) {
                return Orientation.UPRIGHT;
            }
            long ifd = u32(4, little);
            if (ifd < 8 || ifd + 2 > end - base) {
                return Orientation.UPRIGHT;
            }
            int entries = u16((int) ifd, little);
            for (int i = 0; i < entries; i++) {
                long entry = ifd + 2 + 12L * i;
                if (entry + 12 > end - base) {
                    return Orientation.UPRIGHT;
                }
                int at = (int) entry;
                if (u16(at, little) == ORIENTATION_TAG) {
                    boolean usable = u16(at + 2, little) == TYPE_SHORT && u32(at + 4, little) >= 1;
                    return usable ? Orientation.fromExif(u16(at + 8, little)) : Orientation.UPRIGHT;
                }
            }
            return Orientation.UPRIGHT;
        }

        private int u16(int offset, boolean little) {
            int first = u8(bytes, base + offset);
            int second = u8(bytes, base + offset + 1);
            return little ? first | (second << 8) : (first << 8) | second;
        }

        private long u32(int offset, boolean little) {
            long high = u16(offset + (little ? 2 : 0), little);
            long low = u16(offset + (little ? 0 : 2), little);
            return (high << 16) | low;
        }
    }
}
