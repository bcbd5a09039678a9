package dev.mosaic.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

/**
 * Writes an answer's JSON straight to UTF-8 bytes with a writer made once per type: {@code ctx.json} looks the
 * serializer up on every call and builds a {@code String} that Javalin then encodes again (JFR, issue 15).
 * The same mapper, so the same bytes.
 */
final class JsonAnswers {
    private final ClassValue<ObjectWriter> writers;

    JsonAnswers(ObjectMapper mapper) {
        this.writers = new ClassValue<>() {
            @Override
            protected ObjectWriter computeValue(Class<?> type) {
                return mapper.writerFor(type);
            }
        };
    }

    void write(Context ctx, Object answer) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(bytes(answer));
    }

    byte[] bytes(Object answer) {
        try {
            return writers.get(answer.getClass()).writeValueAsBytes(answer);
        } catch (JsonProcessingException broken) {
            throw new IllegalStateException("cannot write a " + answer.getClass().getSimpleName() + " as JSON", broken);
        }
    }
}
