package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssetTextTest {

    @Test
    void controlAndBidiCharactersGoAndTheTextIsNfcAndTrimmed() {
        assertThat(AssetText.clean("  Cafe\u0301 \u202Eevil\u202C\u0000 at\tnight\u200B  "))
                .contains("Café evil atnight");
    }

    @Test
    void blankOrMissingIsNone() {
        assertThat(AssetText.clean(null)).isEmpty();
        assertThat(AssetText.clean(" \u200B\n ")).isEmpty();
    }

    @Test
    void lengthIsCountedInCodePoints() {
        String emoji = "\uD83C\uDF34";
        assertThat(AssetText.fits(Optional.of(emoji.repeat(AssetText.MAX_CAPTION)), AssetText.MAX_CAPTION)).isTrue();
        assertThat(AssetText.fits(Optional.of("a".repeat(AssetText.MAX_CAPTION + 1)), AssetText.MAX_CAPTION)).isFalse();
        assertThat(AssetText.fits(Optional.empty(), 0)).isTrue();
    }

    @Test
    void onlyCleanedTextWithinItsLengthIsAnAssetText() {
        assertThat(new AssetText(Optional.of("a caption"), Optional.of("alt")).caption()).contains("a caption");
        assertThatIllegalArgumentException().isThrownBy(() -> new AssetText(Optional.of(" padded"), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new AssetText(Optional.empty(), Optional.of("")));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new AssetText(Optional.empty(), Optional.of("x".repeat(AssetText.MAX_ALT_TEXT + 1))));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new AssetText(Optional.of("x".repeat(AssetText.MAX_CAPTION + 1)), Optional.empty()));
    }
}
