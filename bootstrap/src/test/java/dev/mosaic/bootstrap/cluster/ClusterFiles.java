package dev.mosaic.bootstrap.cluster;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Real files made on the spot: photos (small ones, and one big enough to take a worker seconds) and PDFs. */
final class ClusterFiles {

    private ClusterFiles() {
    }

    static byte[] jpeg(int width, int height) {
        return encode(painted(width, height, 0), false);
    }

    /**
     * A 48-megapixel photo saved progressive, as many cameras and editors do: even a subsampled
     * decode must read every scan of every block, which keeps a worker busy for seconds.
     */
    static byte[] bigProgressiveJpeg() {
        return encode(painted(8000, 6000, 20_000), true);
    }

    /** A PDF of exactly {@code size} bytes: a valid header and trailer, padded with a comment. */
    static byte[] pdf(int size) {
        byte[] head = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n%").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        if (size < head.length + tail.length) {
            throw new IllegalArgumentException("a PDF needs at least " + (head.length + tail.length) + " bytes");
        }
        byte[] pdf = new byte[size];
        System.arraycopy(head, 0, pdf, 0, head.length);
        Arrays.fill(pdf, head.length, size - tail.length, (byte) 'x');
        System.arraycopy(tail, 0, pdf, size - tail.length, tail.length);
        return pdf;
    }

    private static BufferedImage painted(int width, int height, int spots) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(0x1e90ff), width, height, new Color(0xffd700)));
        graphics.fillRect(0, 0, width, height);
        Random random = new Random(width * 31L + height);
        for (int i = 0; i < spots; i++) {
            graphics.setColor(new Color(random.nextInt()));
            graphics.fillOval(random.nextInt(width), random.nextInt(height), random.nextInt(200), random.nextInt(200));
        }
        graphics.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
