package dev.mosaic.adapters.media;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * A picture whose header passed every check, ready to give each rendition pixels at a size that covers it:
 * ImageIO decodes once for all of them, TurboJPEG once per rendition at the smallest DCT scale that covers
 * it (entropy decoding is the floor either way; a 1/8 decode makes the thumbnail without waiting for the
 * preview's larger one).
 */
interface DecodedImage extends AutoCloseable {

    Orientation orientation();

    /** The size as seen, after the orientation. */
    Size display();

    /** Stored pixels whose longest side is at least {@code longest}, or all of them when the picture is smaller. */
    BufferedImage covering(int longest) throws IOException, InterruptedException;

    @Override
    void close();

    /** Pixels decoded once, whatever size is asked for. */
    static DecodedImage of(BufferedImage pixels, Orientation orientation, Size display) {
        return new DecodedImage() {
            @Override
            public Orientation orientation() {
                return orientation;
            }

            @Override
            public Size display() {
                return display;
            }

            @Override
            public BufferedImage covering(int longest) {
                return pixels;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * A JPEG held by TurboJPEG, already decoded once to cover {@code first} (the thumbnail), decoded anew,
     * through the gate, at the scale any other rendition needs.
     */
    static DecodedImage scaled(TurboJpeg.Source source, DecodeGate gate, Orientation orientation, int first,
                               BufferedImage firstPixels) {
        Size display = orientation.display(source.size());
        return new DecodedImage() {
            @Override
            public Orientation orientation() {
                return orientation;
            }

            @Override
            public Size display() {
                return display;
            }

            @Override
            public BufferedImage covering(int longest) throws IOException, InterruptedException {
                return longest == first ? firstPixels : gate.through(() -> source.decode(longest));
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }
}
