package dev.mosaic.adapters.media;

import com.luciad.imageio.webp.WebPWriteParam;
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
    /**
     * libwebp's speed/size trade-off, 0 (fastest) to 6; its default, 4, turns on rate-distortion optimisation,
     * which makes a 1280 px preview about 2.5 times as slow (85 against 30 ms of CPU here) for files about 5 %
     * smaller at the same quality setting (bootstrap/BENCHMARK.md, issue 15, fourth session).
     */
    static final int METHOD = 2;

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
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param(writer));
        } finally {
            writer.dispose();
        }
    }

    /** Lossy at {@link #QUALITY}, libwebp's {@link #METHOD}. */
    static ImageWriteParam param(ImageWriter writer) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("Lossy");
        param.setCompressionQuality(QUALITY);
        if (param instanceof WebPWriteParam webp) {
            webp.setMethod(METHOD);
        }
        return param;
    }

    static ImageWriter writer() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(ContentType.WEBP.value());
        if (!writers.hasNext()) {
            throw new IOException("no WebP writer is registered with ImageIO");
        }
        return writers.next();
    }
}
