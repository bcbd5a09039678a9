package dev.mosaic.adapters.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** APP1 Exif segments written by hand, as cameras write them, to put into test JPEGs. */
final class ExifSegments {
    static final String GPS_MARKER = "MOSAIC-SECRET-PLACE";

    private ExifSegments() {
    }

    /** An Exif segment whose IFD0 holds only the orientation tag. */
    static byte[] orientation(int value, ByteOrder order) {
        ByteBuffer tiff = tiffHeader(order, 26);
        tiff.putShort((short) 1);
        entry(tiff, 0x0112, 3, 1, value << (order == ByteOrder.BIG_ENDIAN ? 16 : 0));
        tiff.putInt(0);
        return app1(tiff.array());
    }

    /** An Exif segment with a description (the marker) and a GPS IFD holding a latitude and longitude. */
    static byte[] gps() {
        byte[] description = (GPS_MARKER + "\0").getBytes(StandardCharsets.US_ASCII);
        int descriptionAt = 8 + 2 + 2 * 12 + 4;
        int gpsAt = descriptionAt + description.length + (description.length % 2);
        int latitudeAt = gpsAt + 2 + 4 * 12 + 4;
        int longitudeAt = latitudeAt + 24;
        ByteBuffer tiff = tiffHeader(ByteOrder.BIG_ENDIAN, longitudeAt + 24);
        tiff.putShort((short) 2);
        entry(tiff, 0x010E, 2, description.length, descriptionAt);
        entry(tiff, 0x8825, 4, 1, gpsAt);
        tiff.putInt(0);
        tiff.put(description);
        tiff.position(gpsAt);
        tiff.putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, 'N' << 24);
        entry(tiff, 0x0002, 5, 3, latitudeAt);
        entry(tiff, 0x0003, 2, 2, 'E' << 24);
        entry(tiff, 0x0004, 5, 3, longitudeAt);
        tiff.putInt(0);
        for (int value : new int[] {52, 22, 1234, 4, 53, 5678}) {
            tiff.putInt(value).putInt(value == 1234 || value == 5678 ? 100 : 1);
        }
        return app1(tiff.array());
    }

    /** An Exif segment of raw TIFF bytes, however wrong they are. */
    static byte[] app1(byte[] tiff) {
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        int length = 2 + 6 + tiff.length;
        segment.write(0xFF);
        segment.write(0xE1);
        segment.write(length >> 8);
        segment.write(length);
        segment.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        segment.writeBytes(tiff);
        return segment.toByteArray();
    }

    /** The JPEG with the segment placed right after its start marker, where cameras put Exif. */
    static byte[] insertAfterStart(byte[] jpeg, byte[] segment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(segment);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static ByteBuffer tiffHeader(ByteOrder order, int size) {
        ByteBuffer tiff = ByteBuffer.allocate(size).order(order);
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        tiff.putShort((short) 42);
        tiff.putInt(8);
        return tiff;
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }
}
