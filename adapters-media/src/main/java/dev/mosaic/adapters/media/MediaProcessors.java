package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor;

/** The adapter's one entry: a {@link MediaProcessor} backed by ImageIO, imgscalr and libwebp. */
public final class MediaProcessors {

    private MediaProcessors() {
    }

    /**
     * Images get a WebP thumbnail and preview (JPEG if libwebp cannot load here); videos and files
     * are only checked against their declared type for now.
     */
    public static MediaProcessor create(MediaSettings settings) {
        ImageProcessor images = new ImageProcessor(settings, new DecodeGate(settings.maxConcurrentDecodes()),
                ImageEncoders.best());
        return new MediaProcessorByKind(images);
    }
}
