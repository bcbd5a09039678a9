package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.mosaic.domain.UploadPolicy;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ThumbHashTest {

    /** Vectors computed with the reference implementation (evanw/thumbhash, Java) on the same pixels. */
    @Test
    void matchesTheReferenceEncoderOnAnOpaqueGradient() {
        assertThat(Base64.getEncoder().encodeToString(ThumbHash.encode(100, 75, gradient(100, 75))))
                .isEqualTo("HwgODZqAh4eBh4d4eHh4iI9wCPh4");
    }

    @Test
    void matchesTheReferenceEncoderOnAFadingPortrait() {
        assertThat(Base64.getEncoder().encodeToString(ThumbHash.encode(60, 90, faded(60, 90))))
                .isEqualTo("5VqGIwg30bCHeIikT/dyiICHeHiIeHc=");
    }

    @Test
    void carriesTheMeanColourShapeAndTransparency() {
        String red = ThumbHash.of(Images.solid(300, 100, new Color(220, 30, 30)));
        int mean = ThumbHashReading.averageRgb(red);

        assertThat((mean >> 16) & 0xFF).isBetween(200, 240);
        assertThat((mean >> 8) & 0xFF).isBetween(10, 50);
        assertThat(mean & 0xFF).isBetween(10, 50);
        assertThat(ThumbHashReading.isLandscape(red)).isTrue();
        assertThat(ThumbHashReading.hasAlpha(red)).isFalse();
        assertThat(ThumbHashReading.isLandscape(ThumbHash.of(Images.solid(100, 300, Color.RED)))).isFalse();
    }

    @Test
    void alwaysFitsThePlaceholderRule() {
        qt().forAll(integers().between(1, 400), integers().between(1, 400), integers().all())
                .checkAssert((width, height, seed) -> {
                    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
                    java.util.Random random = new java.util.Random(seed);
                    for (int y = 0; y < height; y += 7) {
                        for (int x = 0; x < width; x += 7) {
                            picture.setRGB(x, y, random.nextInt());
                        }
                    }
                    String placeholder = ThumbHash.of(picture);
                    assertThat(placeholder.length()).isLessThanOrEqualTo(36);
                    assertThat(UploadPolicy.placeholderFits(placeholder)).isTrue();
                });
    }

    @Test
    void refusesPicturesOverTheAlgorithmsBound() {
        assertThatThrownBy(() -> ThumbHash.encode(101, 10, new int[1010]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] gradient(int width, int height) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int red = x * 255 / (width - 1);
                int green = y * 255 / (height - 1);
                int blue = (x + y) * 255 / (width + height - 2);
                pixels[y * width + x] = 0xFF00_0000 | red << 16 | green << 8 | blue;
            }
        }
        return pixels;
    }

    private static int[] faded(int width, int height) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int alpha = x * 255 / (width - 1);
                pixels[y * width + x] = alpha << 24 | 200 << 16 | (x * 4 % 256) << 8 | (y * 2 % 256);
            }
        }
        return pixels;
    }
}
