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
import javax.imageio.ImageIO;

/** Real files of each kind the guide sends, made on the spot. */
final class Samples {

    private Samples() {
    }

    static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(0x1e90ff), width, height, new Color(0xffd700)));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An ISO-BMFF file: an {@code ftyp} box naming MP4 brands, then one {@code mdat} box filling the size. */
    static byte[] mp4(int size) {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.putInt(24).put("ftypisom".getBytes(StandardCharsets.US_ASCII)).putInt(512)
                .put("isomiso2".getBytes(StandardCharsets.US_ASCII));
        buffer.putInt(size - 24).put("mdat".getBytes(StandardCharsets.US_ASCII));
        for (int i = buffer.position(); i < size; i++) {
            buffer.put((byte) (i * 31));
        }
        return buffer.array();
    }

    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }
}
