package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaybackSizeTest {

    @ParameterizedTest
    @CsvSource({
        "1920, 1080, 720, 1280, 720",
        "1080, 1920, 720, 720, 1280",
        "3840, 2160, 720, 1280, 720",
        "3840, 1600, 720, 1728, 720",
        "320, 240, 720, 320, 240",
        "321, 241, 720, 320, 240",
        "320, 240, 120, 160, 120",
        "1, 1, 720, 2, 2"
    })
    void theShorterSideIsBoundedTheShapeKeptAndBothSidesEven(int width, int height, int bound, int expectedWidth,
                                                               int expectedHeight) {
        assertThat(PlaybackSize.of(new Size(width, height), bound)).isEqualTo(new Size(expectedWidth, expectedHeight));
    }

    @Test
    void neverLargerThanTheSourceOrTheBoundAndAlwaysEven() {
        qt().forAll(integers().between(2, 8000), integers().between(2, 8000), integers().between(2, 1080))
                .checkAssert((width, height, bound) -> {
                    Size size = PlaybackSize.of(new Size(width, height), bound);
                    assertThat(size.width() % 2).isZero();
                    assertThat(size.height() % 2).isZero();
                    assertThat(Math.min(size.width(), size.height())).isLessThanOrEqualTo(Math.max(2, bound));
                    assertThat(size.width()).isLessThanOrEqualTo(Math.max(2, width));
                    assertThat(size.height()).isLessThanOrEqualTo(Math.max(2, height));
                });
    }
}
