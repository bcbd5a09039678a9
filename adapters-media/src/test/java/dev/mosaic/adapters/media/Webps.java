package dev.mosaic.adapters.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** WebP files of kinds the encoder does not make, put together chunk by chunk. */
final class Webps {

    private Webps() {
    }

    /** An animated WebP (VP8X + ANIM + one ANMF per frame), each frame a lossy still. */
    static byte[] animated(int width, int height, int frames) {
        byte[] still = still(width, height);
        byte[] frameChunk = Arrays.copyOfRange(still, 12, still.length);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WEBP"));
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(new byte[] {0x02, 0, 0, 0});
        uint24(header, width - 1);
        uint24(header, height - 1);
        chunk(body, "VP8X", header.toByteArray());
        chunk(body, "ANIM", new byte[6]);
        for (int i = 0; i < frames; i++) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            uint24(frame, 0);
            uint24(frame, 0);
            uint24(frame, width - 1);
            uint24(frame, height - 1);
            uint24(frame, 100);
            frame.write(0);
            frame.writeBytes(frameChunk);
            chunk(body, "ANMF", frame.toByteArray());
        }
        ByteArrayOutputStream riff = new ByteArrayOutputStream();
        riff.writeBytes(ascii("RIFF"));
        riff.writeBytes(uint32(body.size()));
        riff.writeBytes(body.toByteArray());
        return riff.toByteArray();
    }

    private static byte[] still(int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new WebpEncoder().write(Images.photo(width, height), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] data) {
        out.writeBytes(ascii(id));
        out.writeBytes(uint32(data.length));
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    private static void uint24(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >> 8);
        out.write(value >> 16);
    }

    private static byte[] uint32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
