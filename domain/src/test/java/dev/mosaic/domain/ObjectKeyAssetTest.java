package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectKeyAssetTest {

    private final ObjectKey raw = ObjectKey.raw(UserId.of(7), AssetId.of(501), FileName.sanitize("beach.jpg"));

    @Test
    void everyKeyTheServerMakesNamesItsAsset() {
        ObjectKey replaced = raw.nextGeneration(FileName.sanitize("other.pdf")).nextGeneration(FileName.sanitize("x"));

        assertThat(raw.asset()).contains(AssetId.of(501));
        assertThat(raw.sealed().asset()).contains(AssetId.of(501));
        assertThat(replaced.asset()).contains(AssetId.of(501));
        assertThat(replaced.sealed().asset()).contains(AssetId.of(501));
        assertThat(raw.rendition("thumbnail.webp").asset()).contains(AssetId.of(501));
        assertThat(ObjectKey.derived(UserId.of(7), AssetId.of(502), "poster.jpg").asset()).contains(AssetId.of(502));
    }

    @Test
    void theAssetIsTheThirdSegmentNotTheOwnerOrTheName() {
        assertThat(new ObjectKey("raw/12/34/56").asset()).contains(AssetId.of(34));
        assertThat(new ObjectKey("sealed/1/2/3.jpg").asset()).contains(AssetId.of(2));
    }

    @Test
    void theLargestAssetIdIsStillOne() {
        assertThat(new ObjectKey("raw/1/" + Long.MAX_VALUE + "/a").asset()).contains(AssetId.of(Long.MAX_VALUE));
        assertThat(new ObjectKey("raw/1/1/a").asset()).contains(AssetId.of(1));
    }

    @Test
    void aSegmentThatIsNoAssetIdNamesNoAsset() {
        assertThat(new ObjectKey("raw/a/b/c").asset()).as("not a number").isEmpty();
        assertThat(new ObjectKey("raw/1/50x/c").asset()).as("digits then letters").isEmpty();
        assertThat(new ObjectKey("raw/1/0/c").asset()).as("zero").isEmpty();
        assertThat(new ObjectKey("raw/1/-5/c").asset()).as("negative").isEmpty();
        assertThat(new ObjectKey("raw/1/-0/c").asset()).isEmpty();
        assertThat(new ObjectKey("raw/1/0501/c").asset()).as("not as the server prints it").isEmpty();
        assertThat(new ObjectKey("raw/1/1.5/c").asset()).isEmpty();
        assertThat(new ObjectKey("raw/1/_1/c").asset()).isEmpty();
    }

    @Test
    void anIdBeyondTheLargestLongNamesNoAsset() {
        assertThat(new ObjectKey("raw/1/9223372036854775808/c").asset()).as("Long.MAX_VALUE + 1").isEmpty();
        assertThat(new ObjectKey("raw/1/9999999999999999999/c").asset()).as("19 digits, too large").isEmpty();
        assertThat(new ObjectKey("raw/1/10000000000000000000/c").asset()).as("20 digits").isEmpty();
    }
}
