package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Renditions fitted against pictures whose true look at the rendition's size is known. */
class PixelsTest {

    @Test
    void aPictureWithinTheSizeIsKeptAsItIs() {
        BufferedImage small = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);

        assertThat(Pixels.fitWithin(small, 320)).isSameAs(small);
    }

    @Test
    void aReductionToHalfOrMoreIsOneStepAndASmallerOneIsNot() {
        assertThat(Pixels.oneStep(new Size(1500, 1125), new Size(1280, 960))).isTrue();
        assertThat(Pixels.oneStep(new Size(500, 375), new Size(320, 240))).isTrue();
        assertThat(Pixels.oneStep(new Size(640, 480), new Size(320, 240))).isTrue();
        assertThat(Pixels.oneStep(new Size(641, 480), new Size(320, 240))).isFalse();
        assertThat(Pixels.oneStep(new Size(640, 481), new Size(320, 240))).isFalse();
        assertThat(Pixels.oneStep(new Size(4000, 3000), new Size(1280, 960))).isFalse();
    }

    @Test
    void aTurboJpegPreviewDecodeFittedToThePreviewStaysCloseToTheTruth() {
        BufferedImage decoded = Fidelity.waves(1500, 1125, 1280, 0.1);

        BufferedImage preview = Pixels.fitWithin(decoded, 1280);

        assertThat(preview.getWidth()).isEqualTo(1280);
        assertThat(preview.getHeight()).isEqualTo(960);
        // bilinear 47.8 dB, bicubic 54.7 dB; nearest neighbour 32.8 dB
        assertThat(Fidelity.psnr(preview, Fidelity.waves(1280, 960, 1280, 0.1))).isGreaterThan(45);
    }

    @Test
    void aLargeReductionStaysCloseToTheTruth() {
        BufferedImage decoded = Fidelity.waves(5120, 3840, 1280, 0.3);

        BufferedImage preview = Pixels.fitWithin(decoded, 1280);

        assertThat(Fidelity.psnr(preview, Fidelity.waves(1280, 960, 1280, 0.3))).isGreaterThan(45);
    }

    @Test
    void aLargeReductionDoesNotAliasFineDetail() {
        BufferedImage stripes = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < stripes.getHeight(); y++) {
            for (int x = 0; x < stripes.getWidth(); x++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0x000000 : 0xFFFFFF);
            }
        }

        BufferedImage thumbnail = Pixels.fitWithin(stripes, 300);

        assertThat(thumbnail.getWidth()).isEqualTo(300);
        for (int y = 0; y < thumbnail.getHeight(); y += 7) {
            for (int x = 0; x < thumbnail.getWidth(); x++) {
                int green = (thumbnail.getRGB(x, y) >> 8) & 0xFF;
                assertThat(green).as("grey at %d,%d", x, y).isBetween(96, 160);
            }
        }
    }
}
