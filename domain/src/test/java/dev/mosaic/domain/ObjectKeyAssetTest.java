package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
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

    @Test
    void aKeyNamesExactlyTheAssetItsSegmentIs() {
        List<String> keys = List.of("raw/7/501/beach.jpg", "sealed/7/501/_r2-x", "derived/7/501/poster.jpg",
                "raw/501/7/a", "raw/1/0501/c", "raw/1/0/c", "raw/1/-501/c", "raw/a/b/c", "raw/1/5010/c",
                "raw/1/" + Long.MAX_VALUE + "/a", "raw/1/9223372036854775808/c");
        List<AssetId> ids = List.of(AssetId.of(501), AssetId.of(7), AssetId.of(5010), AssetId.of(Long.MAX_VALUE));
        for (String value : keys) {
            ObjectKey key = new ObjectKey(value);
            for (AssetId id : ids) {
                assertThat(key.names(id)).as(value + " names " + id).isEqualTo(key.asset().equals(Optional.of(id)));
            }
        }
        assertThat(raw.names(AssetId.of(501))).isTrue();
        assertThat(raw.names(AssetId.of(7))).as("the owner is not the asset").isFalse();
        assertThat(raw.names(AssetId.of(50))).as("a prefix of the id").isFalse();
    }
}
