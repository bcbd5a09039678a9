package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class SizeTest {

    @Test
    void fittingKeepsTheShapeAndNeverEnlarges() {
        assertThat(new Size(4000, 3000).fitWithin(320)).isEqualTo(new Size(320, 240));
        assertThat(new Size(3000, 4000).fitWithin(1280)).isEqualTo(new Size(960, 1280));
        assertThat(new Size(200, 90).fitWithin(320)).isEqualTo(new Size(200, 90));
    }

    @Test
    void aSliverKeepsAtLeastOnePixel() {
        assertThat(new Size(50_000_000, 1).fitWithin(320)).isEqualTo(new Size(320, 1));
    }

    @Test
    void pixelsAreCountedWithoutOverflow() {
        assertThat(new Size(65_500, 65_500).pixels()).isEqualTo(4_290_250_000L);
    }

    @Test
    void subsamplingKeepsAtLeastThePreviewSizeButNotTwice() {
        qt().forAll(integers().between(1, 200_000), integers().between(1, 200_000), integers().between(1, 4000))
                .checkAssert((width, height, wanted) -> {
                    Size size = new Size(width, height);
                    int step = size.subsamplingFor(wanted);
                    int decoded = size.subsampled(step).longestSide();
                    assertThat(decoded).isGreaterThanOrEqualTo(Math.min(wanted, size.longestSide()));
                    if (step > 1) {
                        assertThat(decoded).isLessThan(2 * wanted + 1);
                    }
                });
    }

    @Test
    void aPictureHasPixels() {
        assertThatThrownBy(() -> new Size(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
