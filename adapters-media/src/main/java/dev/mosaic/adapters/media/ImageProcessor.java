package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor.MediaListener;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.Rendition;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An image's way to renditions: header checks before any pixel is decoded, one bounded and
 * subsampled decode, a thumbnail told to the listener at once, then the preview.
 */
final class ImageProcessor {
    /** As libjpeg-turbo's {@code -maxscans}: real progressive JPEGs have about ten. */
    static final int MAX_JPEG_SCANS = 100;

    private final MediaSettings settings;
    private final DecodeGate gate;
    private final ImageEncoder encoder;
    private final Optional<TurboJpeg> turbo;

    ImageProcessor(MediaSettings settings, DecodeGate gate, ImageEncoder encoder) {
        this(settings, gate, encoder, Optional.empty());
    }

    /** @param turbo decodes JPEGs at a reduced DCT scale when present; ImageIO decodes them otherwise */
    ImageProcessor(MediaSettings settings, DecodeGate gate, ImageEncoder encoder, Optional<TurboJpeg> turbo) {
        this.settings = settings;
        this.gate = gate;
        this.encoder = encoder;
        this.turbo = turbo;
    }

    MediaOutcome process(ContentType type, Path input, Path workDir, MediaListener listener) {
        return process(type, input, workDir, listener, MediaInfo.NONE);
    }

    /**
     * @param known facts found elsewhere, which win over the picture's own (a video's poster frame
     *              brings the video's duration and display size)
     */
    MediaOutcome process(ContentType type, Path input, Path workDir, MediaListener listener, MediaInfo known) {
        Steps steps = Steps.start();
        try (DecodedImage decoded = decode(type, input, steps)) {
            BufferedImage thumbnail = rendition(decoded, settings.thumbnailSize(), steps);
            MediaInfo info = new MediaInfo(decoded.display().width(), decoded.display().height(), null,
                    ThumbHash.of(thumbnail)).overriddenBy(known);
            steps.done("thumbhash");
            RenditionFile thumbnailFile = write(Rendition.Kind.THUMBNAIL, thumbnail, workDir);
            steps.done("encode");
            steps.log("thumbnail of " + input.getFileName());
            listener.thumbnail(thumbnailFile, info);
            steps.restart();
            BufferedImage preview = rendition(decoded, settings.previewSize(), steps);
            RenditionFile previewFile = write(Rendition.Kind.PREVIEW, preview, workDir);
            steps.done("encode");
            steps.log("preview of " + input.getFileName());
            return new MediaOutcome.Processed(info, List.of(previewFile));
        } catch (UnusableImage e) {
            return new MediaOutcome.Rejected(e.refusal());
        } catch (OutOfMemoryError e) {
            // the limits keep one image small, so this is a crowded heap: a passing trouble, tried again
            throw new IllegalStateException("not enough memory to process the image now", e);
        }
    }

    /** Upright, with its longest side at most {@code longest}. */
    private static BufferedImage rendition(DecodedImage decoded, int longest, Steps steps) {
        try {
            BufferedImage pixels = decoded.covering(longest);
            steps.done("decode");
            BufferedImage fitted = decoded.orientation().upright(Pixels.fitWithin(pixels, longest));
            steps.done("fit");
            return fitted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn to decode", e);
        } catch (IOException e) {
            throw UnusableImage.corrupt(e);
        }
    }

    /** Everything that depends on the file's bytes; whatever goes wrong here is the file's fault. */
    private DecodedImage decode(ContentType type, Path input, Steps steps) {
        try {
            boolean jpeg = type.equals(ContentType.JPEG);
            Orientation orientation = jpeg ? ExifOrientation.of(input) : Orientation.UPRIGHT;
            if (jpeg && turbo.isPresent()) {
                Optional<DecodedImage> scaled = checkedScaled(turbo.get(), input, orientation, steps);
                if (scaled.isPresent()) {
                    return scaled.get();
                }
            }
            try (SourceImage source = SourceImage.open(input, type)) {
                Size stored = source.size();
                if (stored.pixels() > settings.maxPixels()) {
                    throw UnusableImage.tooLarge(stored, settings.maxPixels());
                }
                if (type.value().equals("image/gif") && source.hasMoreFramesThan(settings.maxFrames())) {
                    throw UnusableImage.tooManyFrames(settings.maxFrames());
                }
                if (jpeg && JpegScans.moreThan(input, MAX_JPEG_SCANS)) {
                    throw UnusableImage.tooManyScans(MAX_JPEG_SCANS);
                }
                int step = stored.subsamplingFor(settings.previewSize());
                BufferedImage pixels = gate.through(() -> Pixels.packed(source.decode(stored, step)));
                return DecodedImage.of(pixels, orientation, orientation.display(stored));
            }
        } catch (UnusableImage e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn to decode", e);
        } catch (IOException | RuntimeException e) {
            throw UnusableImage.corrupt(e);
        }
    }

    /**
     * The same header checks as the ImageIO path, and a first decode at the thumbnail's scale to prove
     * the file whole. Empty when TurboJPEG cannot read or decode it (CMYK, two channels, damage, an
     * early end): ImageIO then decides, so such files get the same answer with or without the library.
     */
    private Optional<DecodedImage> checkedScaled(TurboJpeg library, Path input, Orientation orientation,
                                                 Steps steps) throws IOException, InterruptedException {
        TurboJpeg.Source source;
        try {
            source = library.open(input);
        } catch (TurboJpeg.Refused e) {
            return Optional.empty();
        }
        steps.done("read");
        try {
            Size stored = source.size();
            if (stored.pixels() > settings.maxPixels()) {
                throw UnusableImage.tooLarge(stored, settings.maxPixels());
            }
            if (!source.decodesToRgb()) {
                source.close();
                return Optional.empty();
            }
            if (JpegScans.moreThan(input, MAX_JPEG_SCANS)) {
                throw UnusableImage.tooManyScans(MAX_JPEG_SCANS);
            }
            steps.done("scans");
            int thumbnailSize = settings.thumbnailSize();
            BufferedImage thumbnailPixels;
            try {
                thumbnailPixels = gate.through(() -> source.decode(thumbnailSize));
            } catch (TurboJpeg.Refused e) {
                source.close();
                return Optional.empty();
            }
            return Optional.of(DecodedImage.scaled(source, gate, orientation, thumbnailSize, thumbnailPixels));
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private RenditionFile write(Rendition.Kind kind, BufferedImage image, Path workDir) {
        Path file = workDir.resolve(kind.wireName() + "." + encoder.extension());
        try {
            encoder.write(image, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + kind.wireName() + " to " + file, e);
        }
        return new RenditionFile(kind, file, encoder.contentType(), image.getWidth(), image.getHeight());
    }
}
