package dev.mosaic.adapters.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The files under {@code src/test/resources/hostile/}: each is small and tries to hurt a decoder.
 * They are committed; this is how they were made. Run {@link #main} with the folder to remake them.
 */
final class HostileCorpus {
    static final String PIXEL_FLOOD_PNG = "pixel-flood.png";
    static final String HUGE_DIMENSIONS_JPEG = "huge-dimensions.jpg";
    static final String TRUNCATED_JPEG = "truncated.jpg";
    static final String HTML_PAGE = "page.html";
    static final String SCRIPTED_SVG = "script.svg";
    static final String MANY_FRAMES_GIF = "many-frames.gif";
    static final String FAKE_HEIC = "fake.heic";
    static final String GARBAGE_GIF = "garbage.gif";
    static final String EXIF_BAD_OFFSETS_JPEG = "exif-bad-offsets.jpg";
    static final String TWO_CHANNEL_JPEG = "two-channel.jpg";
    static final String YCCK_AS_YCC_JPEG = "four-channel-ycc.jpg";
    static final String ANIMATED_WEBP = "animated.webp";
    static final int MANY_FRAMES = 3000;

    private HostileCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "adapters-media/src/test/resources/hostile");
        Files.createDirectories(folder);
        Files.write(folder.resolve(PIXEL_FLOOD_PNG), pixelFloodPng(19_000, 19_000));
        Files.write(folder.resolve(HUGE_DIMENSIONS_JPEG), jpegClaiming(65_500, 65_500));
        Files.write(folder.resolve(TRUNCATED_JPEG), truncatedJpeg());
        Files.writeString(folder.resolve(HTML_PAGE),
                "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n");
        Files.writeString(folder.resolve(SCRIPTED_SVG), """
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
                  <script>alert(document.cookie)</script>
                  <rect width="10" height="10" fill="red"/>
                </svg>
                """);
        Files.write(folder.resolve(MANY_FRAMES_GIF), manyFramesGif(MANY_FRAMES));
        Files.write(folder.resolve(FAKE_HEIC), fakeHeic());
        Files.write(folder.resolve(GARBAGE_GIF), garbageGif());
        Files.write(folder.resolve(EXIF_BAD_OFFSETS_JPEG), exifWithBadOffsets());
        Files.write(folder.resolve(TWO_CHANNEL_JPEG), Jpegs.channels(2, -1));
        Files.write(folder.resolve(YCCK_AS_YCC_JPEG), Jpegs.channels(4, 1));
        Files.write(folder.resolve(ANIMATED_WEBP), Webps.animated(40, 30, 2));
    }

    /** The bytes of one corpus file, from the test classpath. */
    static byte[] load(String name) {
        try (InputStream in = HostileCorpus.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalStateException("hostile/" + name + " is missing from the test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid PNG header (right CRC) claiming a huge picture, with a few bytes of pixel data. */
    static byte[] pixelFloodPng(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", deflate(new byte[4096]));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A small real JPEG whose frame header is rewritten to claim other dimensions. */
    static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = Images.jpeg(Images.photo(16, 16));
        for (int at = 2; at + 9 < jpeg.length; ) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xC0) {
                ByteBuffer.wrap(jpeg, at + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
            at += 2 + length;
        }
        throw new IllegalStateException("the JDK wrote a JPEG without a baseline frame header");
    }

    static byte[] truncatedJpeg() {
        byte[] jpeg = Images.jpeg(Images.photo(256, 256));
        return Arrays.copyOf(jpeg, jpeg.length * 6 / 10);
    }

    static byte[] manyFramesGif(int frames) {
        BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_INDEXED);
        List<BufferedImage> all = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            all.add(pixel);
        }
        return Images.gif(all);
    }

    /** An ISO box claiming the HEIC brand; no ImageIO reader knows HEIC. */
    static byte[] fakeHeic() {
        ByteBuffer box = ByteBuffer.allocate(64);
        box.putInt(24).put("ftypheic".getBytes(StandardCharsets.US_ASCII)).putInt(0)
                .put("mif1heic".getBytes(StandardCharsets.US_ASCII));
        return box.array();
    }

    static byte[] garbageGif() {
        byte[] bytes = new byte[512];
        new Random(7).nextBytes(bytes);
        System.arraycopy("GIF89a".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 6);
        return bytes;
    }

    /** A good JPEG whose Exif segment points its IFD far away and claims 65535 entries. */
    static byte[] exifWithBadOffsets() {
        ByteBuffer tiff = ByteBuffer.allocate(16);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(0xFFFF_FFF0).putShort((short) -1);
        return ExifSegments.insertAfterStart(Images.jpeg(Images.photo(64, 48)), ExifSegments.app1(tiff.array()));
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[raw.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }
}
