package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks each turn against the EXIF definition, pixel by pixel, on a 3x2 picture. */
class OrientationTest {
    private static final int WIDTH = 3;
    private static final int HEIGHT = 2;

    @ParameterizedTest
    @EnumSource(Orientation.class)
    void turnsPixelsAsExifDefines(Orientation orientation) {
        BufferedImage stored = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                stored.setRGB(x, y, label(x, y));
            }
        }

        BufferedImage upright = orientation.upright(stored);

        Size display = orientation.display(new Size(WIDTH, HEIGHT));
        assertThat(upright.getWidth()).isEqualTo(display.width());
        assertThat(upright.getHeight()).isEqualTo(display.height());
        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) {
                int[] source = storedPixelShownAt(orientation, x, y);
                assertThat(upright.getRGB(x, y) & 0xFFFFFF).as("%s at %d,%d", orientation, x, y)
                        .isEqualTo(label(source[0], source[1]));
            }
        }
    }

    @Test
    void unknownExifValuesAreUpright() {
        assertThat(Orientation.fromExif(0)).isEqualTo(Orientation.UPRIGHT);
        assertThat(Orientation.fromExif(9)).isEqualTo(Orientation.UPRIGHT);
        assertThat(Orientation.fromExif(6)).isEqualTo(Orientation.TURNED_CLOCKWISE);
    }

    /** The EXIF 2.3 table: where the pixel shown at (x, y) sits in the stored picture. */
    private static int[] storedPixelShownAt(Orientation orientation, int x, int y) {
        int w = WIDTH - 1;
        int h = HEIGHT - 1;
        return switch (orientation) {
            case UPRIGHT -> new int[] {x, y};
            case MIRRORED -> new int[] {w - x, y};
            case UPSIDE_DOWN -> new int[] {w - x, h - y};
            case UPSIDE_DOWN_MIRRORED -> new int[] {x, h - y};
            case TRANSPOSED -> new int[] {y, x};
            case TURNED_CLOCKWISE -> new int[] {y, h - x};
            case TRANSVERSE -> new int[] {w - y, h - x};
            case TURNED_COUNTER_CLOCKWISE -> new int[] {w - y, x};
        };
    }

    private static int label(int x, int y) {
        return (x * 60 + 20) << 16 | (y * 120 + 40) << 8 | 7;
    }
}
