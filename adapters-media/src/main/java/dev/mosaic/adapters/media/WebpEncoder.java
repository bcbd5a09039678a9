package dev.mosaic.adapters.media;

import dev.mosaic.domain.ContentType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/** Lossy WebP through libwebp (webp-imageio); keeps transparency. */
final class WebpEncoder implements ImageEncoder {
    private static final float QUALITY = 0.8f;

    @Override
    public ContentType contentType() {
        return ContentType.WEBP;
    }

    @Override
    public String extension() {
        return "webp";
    }

    @Override
    public void write(BufferedImage image, Path file) throws IOException {
        try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            write(image, out);
        }
    }

    void write(BufferedImage image, OutputStream target) throws IOException {
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target)) {
            write(image, out);
        }
    }

    private static void write(BufferedImage image, ImageOutputStream out) throws IOException {
        ImageWriter writer = writer();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Lossy");
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter writer() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(ContentType.WEBP.value());
        if (!writers.hasNext()) {
            throw new IOException("no WebP writer is registered with ImageIO");
        }
        return writers.next();
    }
}
