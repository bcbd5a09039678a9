package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class ObjectKeyGenerationTest {

    private final ObjectKey first = ObjectKey.raw(UserId.of(1), AssetId.of(501), FileName.sanitize("beach.jpg"));

    @Test
    void anAlbumsFileIsGenerationZeroAndEachReplacementTheNext() {
        ObjectKey second = first.nextGeneration(FileName.sanitize("beach.jpg"));
        ObjectKey third = second.nextGeneration(FileName.sanitize("Été.PNG"));

        assertThat(first.generation()).isZero();
        assertThat(second.value()).isEqualTo("raw/1/501/_r1-beach.jpg");
        assertThat(third.value()).isEqualTo("raw/1/501/_r2-ete.png");
        assertThat(third.generation()).isEqualTo(2);
        assertThat(third.sealed().value()).isEqualTo("sealed/1/501/_r2-ete.png");
    }

    @Test
    void aFileNamedLikeAGenerationIsStillTheFirst() {
        assertThat(ObjectKey.raw(UserId.of(1), AssetId.of(501), FileName.sanitize("_r7-x.jpg")).generation()).isZero();
    }

    @Test
    void renditionsArePerGeneration() {
        assertThat(first.rendition("thumbnail.webp").value()).isEqualTo("derived/1/501/thumbnail.webp");
        assertThat(first.nextGeneration(FileName.sanitize("a.jpg")).rendition("thumbnail.webp").value())
                .isEqualTo("derived/1/501/_r1-thumbnail.webp");
    }

    @Test
    void keysOfOneAssetAreRecognisedWhateverTheirGeneration() {
        ObjectKey replaced = first.nextGeneration(FileName.sanitize("other.pdf"));

        assertThat(replaced.sameAsset(first)).isTrue();
        assertThat(replaced.sealed().sameAsset(first)).isTrue();
        assertThat(ObjectKey.raw(UserId.of(1), AssetId.of(502), FileName.sanitize("beach.jpg")).sameAsset(first))
                .isFalse();
        assertThat(ObjectKey.raw(UserId.of(2), AssetId.of(501), FileName.sanitize("beach.jpg")).sameAsset(first))
                .isFalse();
    }

    @Test
    void onlyAnUploadsRawKeyHasGenerations() {
        assertThatIllegalStateException().isThrownBy(() -> first.sealed().nextGeneration(FileName.sanitize("a.jpg")));
        assertThatIllegalStateException().isThrownBy(() -> first.sealed().rendition("thumbnail.webp"));
    }
}
