package dev.mosaic.adapters.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.System.Logger.Level;

/** Chooses WebP when libwebp works on this machine, JPEG otherwise. */
final class ImageEncoders {
    private static final System.Logger LOG = System.getLogger(ImageEncoders.class.getName());

    private ImageEncoders() {
    }

    static ImageEncoder best() {
        WebpEncoder webp = new WebpEncoder();
        try {
            webp.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), new ByteArrayOutputStream());
            return webp;
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "libwebp cannot be used here; renditions will be JPEG", e);
            return new JpegEncoder();
        }
    }
}
