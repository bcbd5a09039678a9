package dev.mosaic.adapters.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class QueryValuesTest {

    /** What signed URLs carried before: {@code URLEncoder} in UTF-8, a space as {@code %20}. */
    private static String asBefore(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void anyAsciiTextIsEncodedAsUrlEncoderEncodesIt() {
        qt().withExamples(20_000).forAll(strings().ascii().ofLengthBetween(0, 40))
                .check(value -> QueryValues.encode(value).equals(asBefore(value)));
    }

    @Test
    void anyTextAtAllIsEncodedAsUrlEncoderEncodesIt() {
        Gen<String> anyText = strings().allPossible().ofLengthBetween(0, 24)
                .mix(strings().betweenCodePoints(0, 0x2FF).ofLengthBetween(0, 24), 50);
        qt().withExamples(20_000).forAll(anyText)
                .check(value -> QueryValues.encode(value).equals(asBefore(value)));
    }

    @Test
    void theValuesOfASignedUrlEncodeAsBefore() {
        for (String value : List.of("", "5242880", "-1", "image/jpeg", "application/vnd.ms-excel; charset=utf-8",
                "AbC-_09xyzAbC-_09xyzAbC", "a b+c&d=e?f#g%h~i'j(k)l!m*n.o", "Otčёt 2024.pdf", "\uD83C\uDF34 trip.jpg",
                "lone \uD800 surrogate", "tab\tnewline\ndel\u007F")) {
            assertThat(QueryValues.encode(value)).as(value).isEqualTo(asBefore(value));
        }
    }

    @Test
    void aValueWithNothingToEncodeIsReturnedAsItIs() {
        String signature = "uY3Ps0yQ7nLk-_Hq9ZrXb2aF4eWcJtVmD1gN8oPsK6A";

        assertThat(QueryValues.encode(signature)).isSameAs(signature);
    }
}
