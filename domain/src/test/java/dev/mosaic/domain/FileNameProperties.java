package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class FileNameProperties {

    private static final Set<Integer> INVISIBLE_TYPES = Set.of((int) Character.CONTROL, (int) Character.FORMAT,
            (int) Character.UNASSIGNED, (int) Character.SURROGATE, (int) Character.PRIVATE_USE,
            (int) Character.LINE_SEPARATOR, (int) Character.PARAGRAPH_SEPARATOR);

    /** Pieces that have broken file-name handling somewhere before. */
    private static final List<String> TRICKY = List.of("/", "\\", ".", "..", "...", " ", "\u3000", "\u00A0",
            "\t", "\n", "\r", "\u0000", "\u007F", "\u0085", "\u202E", "\u202D", "\u200B", "\u200D", "\uFEFF",
            "\u2028", "\u2029", "\uD800", "\uDFFF", "\uE000", "\u0378", "\u0301", "\u0308", "e", "E", "é", "ß",
            "日本", "🌴", "\uD83C", "C:", "~", "-", "_", ".jpg", ".JPEG", ".tar.gz", "con", "%2e%2e", "a",
            "\u1100\u1161", "\uFF0F", "\u2215");

    @Test
    void aSanitisedNameObeysEveryRuleAndSanitisingAgainChangesNothing() {
        qt().withExamples(3_000).forAll(names()).checkAssert(raw -> {
            FileName name = FileName.sanitize(raw);
            String value = name.value();

            assertThat(value).isNotEmpty().doesNotContain("/", "\\", "..");
            assertThat(value.codePoints().filter(c -> INVISIBLE_TYPES.contains(Character.getType(c))))
                    .as("invisible code points in %s", value).isEmpty();
            assertThat(Normalizer.isNormalized(value, Normalizer.Form.NFC)).as("NFC: %s", value).isTrue();
            assertThat(value.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileName.MAX_UTF8_BYTES);
            assertThat(value.charAt(0)).isNotEqualTo('.');
            assertThat(value.charAt(value.length() - 1)).isNotEqualTo('.');
            assertThat(Character.isWhitespace(value.codePointAt(0))).isFalse();
            assertThat(Character.isWhitespace(value.codePointBefore(value.length()))).isFalse();
            assertThat(FileName.sanitize(value)).isEqualTo(name);
            assertThat(new FileName(value)).isEqualTo(name);
        });
    }

    @Test
    void theRawKeyOfAnyNameIsAValidAsciiKeyInsideItsAssetsFolder() {
        UserId owner = UserId.of(42);
        AssetId asset = AssetId.of(501);
        qt().withExamples(3_000).forAll(names()).checkAssert(raw -> {
            ObjectKey key = ObjectKey.raw(owner, asset, FileName.sanitize(raw));

            assertThat(key.value()).startsWith("raw/42/501/").doesNotContain("..");
            assertThat(key.value().chars().allMatch(c -> c > 0x20 && c < 0x7F)).as(key.value()).isTrue();
            assertThat(key.value().substring("raw/42/501/".length())).doesNotContain("/").isNotEmpty();
            assertThat(ObjectKey.parse(key.value())).contains(key);
        });
    }

    @Test
    void aNameWithoutAnythingToRemoveIsKeptAsItIs() {
        Gen<String> plain = lists().of(Generate.pick(List.of("a", "Z", "0", "9", " ", "_", "-", "(", ")", "é", "日")))
                .ofSizeBetween(0, 80)
                .map(middle -> "x" + String.join("", middle) + "x");
        Gen<String> extension = Generate.pick(List.of("", ".jpg", ".MP4", ".pdf", ".tar.gz"));
        qt().forAll(plain, extension)
                .checkAssert((stem, ext) -> assertThat(FileName.sanitize(stem + ext).value()).isEqualTo(stem + ext));
    }

    private static Gen<String> names() {
        Gen<String> fragment = Generate.oneOf(
                Generate.pick(TRICKY),
                strings().allPossible().ofLengthBetween(0, 3),
                strings().basicLatinAlphabet().ofLengthBetween(0, 8));
        Gen<String> assembled = lists().of(fragment).ofSizeBetween(0, 80).map(parts -> String.join("", parts));
        Gen<String> longer = lists().of(fragment).ofSizeBetween(100, 200).map(parts -> String.join("", parts));
        return Generate.oneOf(
                assembled,
                longer,
                strings().allPossible().ofLengthBetween(0, 300),
                strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 300),
                strings().basicLatinAlphabet().ofLengthBetween(240, 300).map(stem -> stem + ".jpg"),
                strings().betweenCodePoints(0x80, 0x10FFFF).ofLengthBetween(100, 200).map(stem -> stem + ".png"));
    }
}
