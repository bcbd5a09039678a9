package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNameTest {

    @Test
    void anOrdinaryNameIsKeptAsItIs() {
        assertThat(FileName.sanitize("beach.jpg").value()).isEqualTo("beach.jpg");
        assertThat(FileName.sanitize("Trip photo (2).JPG").value()).isEqualTo("Trip photo (2).JPG");
        assertThat(FileName.sanitize("Фото с пляжа 🌴.jpg").value()).isEqualTo("Фото с пляжа 🌴.jpg");
    }

    @Test
    void aPathTraversalKeepsOnlyTheLastSegment() {
        assertThat(FileName.sanitize("../../etc/passwd").value()).isEqualTo("passwd");
    }

    @Test
    void bothSlashesSeparatePathSegments() {
        assertThat(FileName.sanitize("a/b\\c.jpg").value()).isEqualTo("c.jpg");
        assertThat(FileName.sanitize("C:\\Users\\me\\photo.png").value()).isEqualTo("photo.png");
    }

    @Test
    void aNameEndingInASlashFallsBackToFile() {
        assertThat(FileName.sanitize("photos/").value()).isEqualTo("file");
        assertThat(FileName.sanitize("..").value()).isEqualTo("file");
    }

    @Test
    void aBidiOverrideCannotDisguiseTheExtension() {
        assertThat(FileName.sanitize("invoice\u202Egpj.exe").value()).isEqualTo("invoicegpj.exe");
    }

    @Test
    void zeroWidthCharactersAreRemoved() {
        assertThat(FileName.sanitize("be\u200Bach\u200D.j\uFEFFpg").value()).isEqualTo("beach.jpg");
    }

    @Test
    void controlCharactersAreRemoved() {
        assertThat(FileName.sanitize("be\u0000a\tc\nh\r.jpg\u007f\u0085").value()).isEqualTo("beach.jpg");
    }

    @Test
    void lineAndParagraphSeparatorsAreRemoved() {
        assertThat(FileName.sanitize("a\u2028b\u2029c.txt").value()).isEqualTo("abc.txt");
    }

    @Test
    void privateUseUnassignedAndLoneSurrogateCharactersAreRemoved() {
        assertThat(FileName.sanitize("a\uE000b\uD800c\uDC00d\u0378.txt").value()).isEqualTo("abcd.txt");
    }

    @Test
    void decomposedInputIsComposed() {
        String decomposed = "Cafe\u0301 Noe\u0308l.jpg";

        assertThat(FileName.sanitize(decomposed).value()).isEqualTo("Café Noël.jpg").hasSize(13);
    }

    @Test
    void aCombiningMarkFreedByARemovedCharacterIsComposedToo() {
        assertThat(FileName.sanitize("e\u200D\u0301.txt").value()).isEqualTo("\u00e9.txt");
    }

    @Test
    void doubleDotsCollapseSoNoNameHoldsTwoDotsInARow() {
        assertThat(FileName.sanitize("my..photo....jpg").value()).isEqualTo("my.photo.jpg");
        assertThat(FileName.sanitize("a.\u200B.b").value()).isEqualTo("a.b");
    }

    @Test
    void leadingAndTrailingDotsAndSpacesGo() {
        assertThat(FileName.sanitize("  .hidden.txt. ").value()).isEqualTo("hidden.txt");
        assertThat(FileName.sanitize("\u3000name\u3000").value()).isEqualTo("name");
    }

    @Test
    void spacesInsideANameStay() {
        assertThat(FileName.sanitize("my   holiday.jpg").value()).isEqualTo("my   holiday.jpg");
    }

    @Test
    void anEmptyNameBecomesFile() {
        assertThat(FileName.sanitize("").value()).isEqualTo("file");
        assertThat(FileName.sanitize(null).value()).isEqualTo("file");
        assertThat(FileName.sanitize("   ").value()).isEqualTo("file");
        assertThat(FileName.sanitize("...").value()).isEqualTo("file");
        assertThat(FileName.sanitize("\u202E\u200B").value()).isEqualTo("file");
    }

    @Test
    void aThreeHundredByteNameKeepsItsExtensionWithinTwoHundredFiftyFiveBytes() {
        String name = "a".repeat(296) + ".jpg";

        String kept = FileName.sanitize(name).value();

        assertThat(kept).endsWith(".jpg").startsWith("aaaa");
        assertThat(utf8Length(kept)).isEqualTo(255);
    }

    @Test
    void exactlyTwoHundredFiftyFiveBytesAreKeptWhole() {
        String name = "b".repeat(251) + ".jpg";

        assertThat(FileName.sanitize(name).value()).isEqualTo(name);
        assertThat(FileName.sanitize(name + "x").value()).isEqualTo("b".repeat(250) + ".jpgx");
    }

    @Test
    void multiByteNamesAreCutOnWholeCharacters() {
        String name = "é".repeat(200) + ".png";

        String kept = FileName.sanitize(name).value();

        assertThat(kept).isEqualTo("é".repeat(125) + ".png");
        assertThat(utf8Length(kept)).isEqualTo(254);
    }

    @Test
    void fourByteCharactersAreNeverSplit() {
        String name = "🌴".repeat(100) + ".jpg";

        String kept = FileName.sanitize(name).value();

        assertThat(kept).isEqualTo("🌴".repeat(62) + ".jpg");
        assertThat(kept.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
    }

    @Test
    void anOverlongExtensionIsNotKeptWhenCutting() {
        String name = "a".repeat(300) + ".abcdefghijklmnopqrst";

        String kept = FileName.sanitize(name).value();

        assertThat(kept).isEqualTo("a".repeat(255));
    }

    @Test
    void anExtensionOfUpToFifteenCharactersIsKeptWhenCutting() {
        String fifteen = ".abcdefghijklmno";
        String sixteen = ".abcdefghijklmnop";

        assertThat(FileName.sanitize("a".repeat(300) + fifteen).value()).isEqualTo("a".repeat(239) + fifteen);
        assertThat(FileName.sanitize("a".repeat(300) + sixteen).value()).isEqualTo("a".repeat(255));
    }

    @Test
    void aCutThatEndsOnADotDoesNotLeaveTwoDots() {
        String name = "a".repeat(250) + ".b".repeat(10) + ".jpg";

        String kept = FileName.sanitize(name).value();

        assertThat(kept).doesNotContain("..").endsWith(".jpg");
        assertThat(utf8Length(kept)).isLessThanOrEqualTo(255);
    }

    @Test
    void aCutThatEndsOnASpaceDropsTheSpace() {
        String name = "a".repeat(254) + " " + "b".repeat(50);

        assertThat(FileName.sanitize(name).value()).isEqualTo("a".repeat(254));
    }

    @Test
    void sanitisingTwiceChangesNothing() {
        FileName once = FileName.sanitize("../x/..\u202E  Cafe\u0301..jpg ");

        assertThat(FileName.sanitize(once.value())).isEqualTo(once);
        assertThat(once.value()).isEqualTo("Café.jpg");
    }

    @Test
    void onlySanitisedNamesCanBeMadeDirectly() {
        assertThat(new FileName("beach.jpg").value()).isEqualTo("beach.jpg");
        assertThatIllegalArgumentException().isThrownBy(() -> new FileName("a/b.jpg"));
        assertThatIllegalArgumentException().isThrownBy(() -> new FileName(".hidden"));
        assertThatIllegalArgumentException().isThrownBy(() -> new FileName(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new FileName(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new FileName("e\u0301.jpg"));
    }

    @Test
    void theExtensionIsTheLowerCaseAsciiAfterTheLastDot() {
        assertThat(FileName.sanitize("beach.JPG").extension()).isEqualTo("jpg");
        assertThat(FileName.sanitize("archive.tar.gz").extension()).isEqualTo("gz");
        assertThat(FileName.sanitize("video.mp4").extension()).isEqualTo("mp4");
        assertThat(FileName.sanitize("a.abcdefghij").extension()).isEqualTo("abcdefghij");
    }

    @Test
    void namesWithoutAPlainExtensionHaveNone() {
        assertThat(FileName.sanitize("README").extension()).isEmpty();
        assertThat(FileName.sanitize("a.abcdefghijk").extension()).isEmpty();
        assertThat(FileName.sanitize("photo.jp g").extension()).isEmpty();
        assertThat(FileName.sanitize("photo.jpé").extension()).isEmpty();
    }

    @Test
    void aFileNamePrintsAsItsValue() {
        assertThat(FileName.sanitize("beach.jpg")).hasToString("beach.jpg");
    }

    private static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    @org.junit.jupiter.api.Test
    void noBreakSpacesAreStrippedLikeOtherSpaces() {
        org.assertj.core.api.Assertions.assertThat(FileName.sanitize("\u00A0").value()).isEqualTo("file");
        org.assertj.core.api.Assertions.assertThat(FileName.sanitize(" \u00A0photo.jpg\u202F").value())
                .isEqualTo("photo.jpg");
    }
}
