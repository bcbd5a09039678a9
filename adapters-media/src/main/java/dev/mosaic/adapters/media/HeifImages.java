package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor.MediaListener;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HEIC/HEIF and AVIF photos, which no ImageIO reader knows: libvips (through libheif) reads the
 * header first, and only a photo within the limits is decoded, upright, in sRGB and already no
 * larger than the preview, into a PNG the image pipeline turns into the thumbnail, ThumbHash and
 * preview as it does a JPEG.
 */
final class HeifImages implements HeifPipeline {
    static final String PICTURE = "heif-picture.png";
    private static final ContentType PNG = new ContentType("image/png");

    private final Vips vips;
    private final ImageProcessor images;
    private final DecodeGate decodes;
    private final MediaSettings settings;

    HeifImages(Vips vips, ImageProcessor images, DecodeGate decodes, MediaSettings settings) {
        this.vips = vips;
        this.images = images;
        this.decodes = decodes;
        this.settings = settings;
    }

    @Override
    public MediaOutcome process(Path input, Path workDir, MediaListener listener) {
        Path picture = workDir.resolve(PICTURE);
        try {
            HeifHeader header = checked(vips.header(input));
            decodes.through(() -> {
                vips.thumbnail(input, picture, settings.previewSize());
                return picture;
            });
            Size display = header.size();
            return images.process(PNG, picture, workDir, listener,
                    new MediaInfo(display.width(), display.height(), null, null));
        } catch (UnusableImage e) {
            return new MediaOutcome.Rejected(e.refusal());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn to decode", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(picture);
        }
    }

    private HeifHeader checked(HeifHeader header) {
        if (!header.readByLibheif()) {
            throw UnusableImage.unsupported("a file libvips reads with " + header.loader());
        }
        if (header.size().pixels() > settings.maxPixels()) {
            throw UnusableImage.tooLarge(header.size(), settings.maxPixels());
        }
        if (header.images() > settings.maxFrames()) {
            throw UnusableImage.tooManyFrames(settings.maxFrames());
        }
        return header;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
