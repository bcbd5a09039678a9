package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.compression.CompressionStrategy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonAnswersTest {
    final ObjectMapper mapper = Json.mapper();
    final JsonAnswers answers = new JsonAnswers(mapper, CompressionStrategy.GZIP);

    record Answer(long messageId, String text, List<String> names, Map<String, String> headers, Integer left) {
    }

    @Test
    void theBytesAreTheUtf8OfTheStringCtxJsonWrote() throws Exception {
        for (String text : List.of("plain", "Check out the photos from the trip! \uD83C\uDF34", "é ü 日本",
                "quote \" backslash \\ tab \t nul \u0000 line \u2028", "")) {
            Answer answer = new Answer(105, text, List.of(text, "b"), Map.of("Content-Type", "image/jpeg"), null);

            assertThat(new String(answers.bytes(answer), StandardCharsets.UTF_8))
                    .isEqualTo(mapper.writeValueAsString(answer))
                    .doesNotContain("\"left\"");
            assertThat(answers.bytes(answer)).isEqualTo(mapper.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8));
        }
    }
}
