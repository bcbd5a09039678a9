package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MediaInfoTest {

    @Test
    void foundNumbersReplaceHintsAndMissingOnesKeepThem() {
        MediaInfo hints = new MediaInfo(100, 50, 1_000L, "hash");

        assertThat(hints.overriddenBy(new MediaInfo(4000, null, 12_345L, null)))
                .isEqualTo(new MediaInfo(4000, 50, 12_345L, "hash"));
        assertThat(hints.overriddenBy(new MediaInfo(null, 3000, null, "found")))
                .isEqualTo(new MediaInfo(100, 3000, 1_000L, "found"));
    }

    @Test
    void findingNothingKeepsEveryHint() {
        MediaInfo hints = new MediaInfo(100, 50, 1_000L, "hash");

        assertThat(hints.overriddenBy(MediaInfo.NONE)).isEqualTo(hints);
        assertThat(MediaInfo.NONE.overriddenBy(hints)).isEqualTo(hints);
    }

    @Test
    void dimensionsArePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MediaInfo(0, 10, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new MediaInfo(10, 0, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new MediaInfo(-1, 10, null, null));
        assertThat(new MediaInfo(1, 1, null, null).width()).isEqualTo(1);
    }

    @Test
    void aDurationMayBeZeroButNotNegative() {
        assertThat(new MediaInfo(null, null, 0L, null).durationMillis()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> new MediaInfo(null, null, -1L, null));
    }
}
