package dev.mosaic.bootstrap;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real files of each kind the guide sends, made on the spot. */
final class Samples {

    private Samples() {
    }

    static byte[] jpeg(int width, int height) {
        return encode(gradient(width, height));
    }

    /** Like a photo to a JPEG encoder: a gradient with grain, so it compresses as camera pictures do. */
    static byte[] photoLikeJpeg(int width, int height) {
        BufferedImage image = gradient(width, height);
        java.util.Random grain = new java.util.Random(7);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int noise = grain.nextInt(41) - 20;
                int r = clamp(((row[x] >> 16) & 0xFF) + noise);
                int g = clamp(((row[x] >> 8) & 0xFF) + noise);
                int b = clamp((row[x] & 0xFF) + noise);
                row[x] = (r << 16) | (g << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return encode(image);
    }

    /**
     * As a phone stores a 12 MP photo: grain over a gradient, JPEG quality 92 with full-resolution colour
     * (4:4:4, about 5 MB at 4000x3000) and an Exif orientation of 6 (turned clockwise), as issue 15 measured.
     */
    static byte[] cameraJpeg(int width, int height) {
        BufferedImage image = gradient(width, height);
        java.util.Random grain = new java.util.Random(7);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int noise = grain.nextInt(25) - 12;
                row[x] = (clamp(((row[x] >> 16) & 0xFF) + noise) << 16)
                        | (clamp(((row[x] >> 8) & 0xFF) + noise) << 8) | clamp((row[x] & 0xFF) + noise);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        byte[] jpeg = encode444(image, 0.92f);
        byte[] exif = exifOrientation(6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An APP1 Exif segment whose IFD0 holds only the orientation (big-endian TIFF). */
    private static byte[] exifOrientation(int value) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putInt(value << 16);
        tiff.putInt(0);
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        int length = 2 + 6 + tiff.capacity();
        segment.write(0xFF);
        segment.write(0xE1);
        segment.write(length >> 8);
        segment.write(length);
        segment.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        segment.writeBytes(tiff.array());
        return segment.toByteArray();
    }

    private static byte[] encode444(BufferedImage image, float quality) {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(
                    javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            org.w3c.dom.Element tree = (org.w3c.dom.Element) metadata.getAsTree(format);
            org.w3c.dom.NodeList components = tree.getElementsByTagName("componentSpec");
            for (int i = 0; i < components.getLength(); i++) {
                ((org.w3c.dom.Element) components.item(i)).setAttribute("HsamplingFactor", "1");
                ((org.w3c.dom.Element) components.item(i)).setAttribute("VsamplingFactor", "1");
            }
            metadata.setFromTree(format, tree);
            writer.write(null, new javax.imageio.IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(0x1e90ff), width, height, new Color(0xffd700)));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A real, web-playable MP4 made by ffmpeg (a few seconds of test picture and tone), grown to
     * exactly {@code size} bytes with a trailing {@code free} box, which players skip.
     */
    static byte[] mp4(int size) {
        try {
            Path dir = Files.createTempDirectory("mosaic-sample-");
            Path clip = dir.resolve("clip.mp4");
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error",
                    "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=3",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                    "-movflags", "+faststart", "-shortest", clip.toString())
                    .redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (ffmpeg.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg could not make a sample video: " + output);
            }
            byte[] video = Files.readAllBytes(clip);
            Files.delete(clip);
            Files.delete(dir);
            if (video.length + 8 > size) {
                throw new IllegalArgumentException("a sample video needs at least " + (video.length + 8) + " bytes");
            }
            ByteBuffer buffer = ByteBuffer.allocate(size).put(video);
            buffer.putInt(size - video.length).put("free".getBytes(StandardCharsets.US_ASCII));
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    /** A benchmark's folder and all in it: a create run leaves most of a GiB of database behind. */
    static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
