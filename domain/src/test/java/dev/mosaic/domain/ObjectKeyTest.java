package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ObjectKeyTest {

    private static final UserId OWNER = UserId.of(1);
    private static final AssetId ASSET = AssetId.of(501);

    @Test
    void aRawKeyIsOwnerAssetAndALowerCaseSlugOfTheName() {
        assertThat(ObjectKey.raw(OWNER, ASSET, FileName.sanitize("Beach.JPG")).value()).isEqualTo("raw/1/501/beach.jpg");
    }

    @Test
    void twoFilesWithTheSameNameNeverCollide() {
        FileName same = FileName.sanitize("beach.jpg");

        assertThat(ObjectKey.raw(OWNER, AssetId.of(501), same))
                .isNotEqualTo(ObjectKey.raw(OWNER, AssetId.of(502), same));
    }

    @Test
    void aTraversalNameStaysInsideItsAssetsFolder() {
        ObjectKey key = ObjectKey.raw(OWNER, ASSET, FileName.sanitize("../../x"));

        assertThat(key.value()).isEqualTo("raw/1/501/x");
    }

    @Test
    void accentsLoseTheirMarksAndOtherCharactersBecomeUnderscores() {
        assertThat(ObjectKey.raw(OWNER, ASSET, FileName.sanitize("Café Noël.jpg")).value())
                .isEqualTo("raw/1/501/cafe_noel.jpg");
        assertThat(ObjectKey.raw(OWNER, ASSET, FileName.sanitize("photo (1)+2.png")).value())
                .isEqualTo("raw/1/501/photo__1__2.png");
    }

    @Test
    void aNameWithNoAsciiAtAllStillGetsAKey() {
        assertThat(ObjectKey.raw(OWNER, ASSET, FileName.sanitize("日本")).value()).isEqualTo("raw/1/501/file");
        assertThat(ObjectKey.raw(OWNER, ASSET, FileName.sanitize("写真.jpg")).value()).isEqualTo("raw/1/501/jpg");
        assertThat(ObjectKey.raw(OWNER, ASSET, FileName.sanitize("_")).value()).isEqualTo("raw/1/501/file");
    }

    @Test
    void aSlugNeverStartsWithADotOrUnderscore() {
        assertThat(ObjectKey.slug(FileName.sanitize("__init__.py"))).isEqualTo("init__.py");
        assertThat(ObjectKey.slug(FileName.sanitize("-dash.txt"))).isEqualTo("-dash.txt");
    }

    @Test
    void aLongNameIsCutToAHundredCharactersKeepingItsExtension() {
        String slug = ObjectKey.slug(FileName.sanitize("a".repeat(200) + ".jpeg"));

        assertThat(slug).hasSize(100).endsWith(".jpeg").startsWith("a".repeat(95));
    }

    @Test
    void aLongNameWithoutExtensionIsCutToAHundredCharacters() {
        assertThat(ObjectKey.slug(FileName.sanitize("b".repeat(200)))).isEqualTo("b".repeat(100));
    }

    @Test
    void aHundredCharacterSlugIsNotCut() {
        assertThat(ObjectKey.slug(FileName.sanitize("c".repeat(100)))).isEqualTo("c".repeat(100));
    }

    @Test
    void aCutThatEndsOnADotDoesNotLeaveTwoDots() {
        String slug = ObjectKey.slug(FileName.sanitize("a".repeat(95) + ".b.c.d.e.f.jpg"));

        assertThat(slug).doesNotContain("..").endsWith(".jpg");
    }

    @Test
    void aCutNeverEndsOnADot() {
        String slug = ObjectKey.slug(FileName.sanitize("a".repeat(99) + ".bcdef.ghijklmnopqrstu"));

        assertThat(slug).isEqualTo("a".repeat(99));
    }

    @Test
    void aDerivedKeyLivesBesideTheRawOne() {
        assertThat(ObjectKey.derived(OWNER, ASSET, "thumbnail.webp").value())
                .isEqualTo("derived/1/501/thumbnail.webp");
    }

    @Test
    void aDerivedNameThatEscapesIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ObjectKey.derived(OWNER, ASSET, "../x"));
        assertThatIllegalArgumentException().isThrownBy(() -> ObjectKey.derived(OWNER, ASSET, "a/b"));
        assertThatIllegalArgumentException().isThrownBy(() -> ObjectKey.derived(OWNER, ASSET, "thumb..webp"));
        assertThatIllegalArgumentException().isThrownBy(() -> ObjectKey.derived(OWNER, ASSET, ".thumb"));
    }

    @Test
    void aKeyTheServerCouldHaveMadeParses() {
        assertThat(ObjectKey.parse("raw/1/501/beach.jpg")).contains(new ObjectKey("raw/1/501/beach.jpg"));
        assertThat(ObjectKey.parse("derived/1/501/poster.jpg")).isPresent();
    }

    @Test
    void aKeyTheServerCouldNotHaveMadeDoesNotParse() {
        assertThat(ObjectKey.parse(null)).isEmpty();
        assertThat(ObjectKey.parse("")).isEmpty();
        assertThat(ObjectKey.parse("raw/user_1/beach.jpg")).isEmpty();
        assertThat(ObjectKey.parse("raw/1/501/../beach.jpg")).isEmpty();
        assertThat(ObjectKey.parse("raw/1/501/a..jpg")).isEmpty();
        assertThat(ObjectKey.parse("other/1/501/beach.jpg")).isEmpty();
        assertThat(ObjectKey.parse("/raw/1/501/beach.jpg")).isEmpty();
        assertThat(ObjectKey.parse("raw/1/501/beach.jpg/")).isEmpty();
        assertThat(ObjectKey.parse("raw/1/501/plage-é.jpg")).isEmpty();
        assertThat(ObjectKey.parse("raw/1/501/" + "a".repeat(129))).isEmpty();
        assertThat(ObjectKey.parse("raw/1/501/" + "a".repeat(128))).isPresent();
    }

    @Test
    void aKeyPrintsAsItsValue() {
        assertThat(new ObjectKey("raw/1/2/x")).hasToString("raw/1/2/x");
    }

    @org.junit.jupiter.api.Test
    void anUploadIsSealedUnderItsOwnPrefixAndOnlyARawKeyIsSealed() {
        ObjectKey raw = new ObjectKey("raw/1/2/a.jpg");

        org.assertj.core.api.Assertions.assertThat(raw.sealed()).isEqualTo(new ObjectKey("sealed/1/2/a.jpg"));
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> raw.sealed().sealed());
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> new ObjectKey("derived/1/2/t.webp").sealed());
    }
}
