package dev.mosaic.adapters.media;

import com.luciad.imageio.webp.WebPReadParam;
import dev.mosaic.domain.ContentType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An uploaded image opened with ImageIO: its header is read without decoding pixels, and only
 * then, if it is within limits, its first frame is decoded at a reduced resolution.
 */
final class SourceImage implements AutoCloseable {
    private final ImageInputStream stream;
    private final ImageReader reader;
    private final List<String> warnings = new ArrayList<>();

    private SourceImage(ImageInputStream stream, ImageReader reader) {
        this.stream = stream;
        this.reader = reader;
        reader.setInput(stream, false, true);
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    }

    static SourceImage open(Path file, ContentType type) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.value());
        if (!readers.hasNext()) {
            throw UnusableImage.unsupported(type.value());
        }
        ImageInputStream stream = ImageIO.createImageInputStream(file.toFile());
        if (stream == null) {
            throw new IOException("ImageIO cannot open " + file);
        }
        try {
            return new SourceImage(stream, readers.next());
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** The stored size of the first frame, from the header alone. */
    Size size() throws IOException {
        return new Size(reader.getWidth(0), reader.getHeight(0));
    }

    /**
     * Whether a frame exists past {@code limit}. Readers find frames by skipping over their data,
     * so this costs a walk through at most {@code limit + 1} frames and decodes none.
     */
    boolean hasMoreFramesThan(int limit) throws IOException {
        try {
            reader.getWidth(limit);
            return true;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** Decodes the first frame, keeping every {@code step}-th pixel each way. */
    BufferedImage decode(Size stored, int step) throws IOException {
        BufferedImage image;
        try {
            if (!reader.getImageTypes(0).hasNext()) {
                throw unsupportedKind();
            }
            ImageReadParam param = reader.getDefaultReadParam();
            if (step > 1) {
                reduce(param, stored, step);
            }
            image = reader.read(0, param);
        } catch (IOException e) {
            if (saysUnsupported(e)) {
                throw unsupportedKind();
            }
            throw e;
        }
        if (wasTruncated()) {
            throw UnusableImage.corrupt("the image ends before its last pixel");
        }
        return image;
    }

    /**
     * The JDK's JPEG reader says "Unsupported Image Type" of colour layouts it cannot convert;
     * libwebp says "UnsupportedFeature" of animated WebP. Both are valid files we cannot decode.
     */
    private static boolean saysUnsupported(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Unsupported Image Type") || message.contains("UnsupportedFeature");
    }

    private UnusableImage unsupportedKind() throws IOException {
        return UnusableImage.unsupported("this kind of " + reader.getFormatName().toUpperCase(Locale.ROOT)
                + " image");
    }

    private static void reduce(ImageReadParam param, Size stored, int step) {
        if (param instanceof WebPReadParam webp) {
            // webp-imageio ignores ImageIO subsampling; libwebp scales while decoding instead
            Size reduced = stored.subsampled(step);
            webp.setUseScaling(true);
            webp.setScaledWidth(reduced.width());
            webp.setScaledHeight(reduced.height());
        } else {
            param.setSourceSubsampling(step, step, 0, 0);
        }
    }

    /** libjpeg warns, and fills the rest with grey, when a file stops early. */
    private boolean wasTruncated() {
        return warnings.stream().map(warning -> warning.toLowerCase(Locale.ROOT))
                .anyMatch(warning -> warning.contains("truncated") || warning.contains("premature end"));
    }

    @Override
    public void close() throws IOException {
        try {
            reader.dispose();
        } finally {
            stream.close();
        }
    }
}
