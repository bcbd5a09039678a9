package dev.mosaic.adapters.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Pictures made in the tests themselves, and their encodings. */
final class Images {

    private Images() {
    }

    /** A photo-like picture: a gradient with some noise, so encoders have real work. */
    static BufferedImage photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(200, 120, 40), width, height, new Color(30, 90, 180)));
        graphics.fillRect(0, 0, width, height);
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            graphics.setColor(new Color(random.nextInt(0x1000000)));
            graphics.fillOval(random.nextInt(width), random.nextInt(height), 1 + width / 50, 1 + height / 50);
        }
        graphics.dispose();
        return image;
    }

    /**
     * As a phone stores a photo: sensor grain over the picture, JPEG quality 92 with full-resolution
     * colour (4:4:4), and an Exif orientation of 6 (turned clockwise: the phone was held upright). A 12 MP
     * one is about 5 MB, as in the issue that asked for faster thumbnails.
     */
    static byte[] cameraJpeg(int width, int height) {
        BufferedImage image = photo(width, height);
        Random grain = new Random(7);
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
        return ExifSegments.insertAfterStart(jpeg444(image, 0.92f),
                ExifSegments.orientation(6, java.nio.ByteOrder.BIG_ENDIAN));
    }

    /** Baseline JPEG without chroma subsampling: every component at full resolution. */
    static byte[] jpeg444(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(
                    javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            org.w3c.dom.Node tree = metadata.getAsTree(format);
            org.w3c.dom.NodeList components = ((org.w3c.dom.Element) tree).getElementsByTagName("componentSpec");
            for (int i = 0; i < components.getLength(); i++) {
                org.w3c.dom.Element component = (org.w3c.dom.Element) components.item(i);
                component.setAttribute("HsamplingFactor", "1");
                component.setAttribute("VsamplingFactor", "1");
            }
            metadata.setFromTree(format, tree);
            writer.write(null, new IIOImage(image, null, metadata), param);
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

    /** Left half one colour, right half another. */
    static BufferedImage halves(int width, int height, Color left, Color right, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D graphics = image.createGraphics();
        graphics.setComposite(java.awt.AlphaComposite.Src);
        graphics.setColor(left);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(right);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        return image;
    }

    static BufferedImage solid(int width, int height, Color color) {
        return halves(width, height, color, color, BufferedImage.TYPE_INT_RGB);
    }

    static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpg");
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** An animated GIF, one frame per picture. */
    static byte[] gif(List<BufferedImage> frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new AssertionError("no ImageIO reader understands " + file);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
