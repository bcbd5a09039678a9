package dev.mosaic.application.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void aPlainNameAppearsTwiceUnchanged() {
        assertThat(ContentDisposition.attachment("report-2024_v1.pdf"))
                .isEqualTo("attachment; filename=\"report-2024_v1.pdf\"; filename*=UTF-8''report-2024_v1.pdf");
    }

    @Test
    void quotesBackslashesAndControlsNeverEscapeTheQuotedFallback() {
        assertThat(ContentDisposition.asciiFallback("a\"b\\c\r\nd.txt")).isEqualTo("a_b_c__d.txt");
    }

    @Test
    void unicodeIsPercentEncodedAsUtf8AndEachCharacterIsOneUnderscoreInTheFallback() {
        assertThat(ContentDisposition.percentEncoded("фото 😀.jpg")).isEqualTo("%D1%84%D0%BE%D1%82%D0%BE%20%F0%9F%98%80.jpg");
        assertThat(ContentDisposition.asciiFallback("фото 😀.jpg")).isEqualTo("____ _.jpg");
    }

    @Test
    void anyNameSurvivesTheRoundTripThroughTheEncodedForm() {
        qt().forAll(strings().allPossible().ofLengthBetween(1, 40)).check(name -> {
            String encoded = ContentDisposition.percentEncoded(name);
            return encoded.chars().allMatch(c -> c < 0x7f && c > 0x20 && c != '"' && c != '\\' && c != ';')
                    && decode(encoded).equals(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        });
    }

    @Test
    void theFallbackIsAlwaysPrintableAsciiOfOneCharacterPerCodePoint() {
        qt().forAll(strings().allPossible().ofLengthBetween(1, 40)).check(name -> {
            String ascii = ContentDisposition.asciiFallback(name);
            return ascii.length() == name.codePointCount(0, name.length())
                    && ascii.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        });
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
