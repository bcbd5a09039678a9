package dev.mosaic.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an answer's JSON straight to UTF-8 bytes with a writer made once per type ({@code ctx.json} looks the
 * serializer up on every call and builds a {@code String} that Javalin then encodes again), and those bytes to the
 * response in one write: {@code ctx.result(bytes)} would have Javalin copy them through an {@code InputStream} with
 * a fresh 32 KiB buffer per request (JFR, issue 15). An answer Javalin would not compress (smaller than its minimum,
 * or the client accepts none of its encodings) goes out with its {@code Content-Length}, so Jetty sends it as the
 * last write without copying it into its aggregate buffer; any other goes through Javalin's own compressing stream,
 * which decides as for {@code ctx.result}. For the upload routes (POSTs: no ETag, no HEAD).
 */
final class JsonAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(JsonAnswers.class);

    private final ClassValue<ObjectWriter> writers;
    private final CompressionStrategy compression;

    JsonAnswers(ObjectMapper mapper, CompressionStrategy compression) {
        this.writers = new ClassValue<>() {
            @Override
            protected ObjectWriter computeValue(Class<?> type) {
                return mapper.writerFor(type);
            }
        };
        this.compression = compression;
    }

    void write(Context ctx, Object answer) {
        byte[] bytes = bytes(answer);
        ctx.contentType(ContentType.APPLICATION_JSON);
        try {
            if (mayCompress(ctx, bytes.length)) {
                ctx.outputStream().write(bytes);
            } else {
                ctx.res().setContentLength(bytes.length);
                ctx.res().getOutputStream().write(bytes);
            }
        } catch (IOException gone) {
            // the client's doing (it hung up or stopped reading), as when Javalin's own write fails: no ERROR. The
            // request is still timed with its status (a 201's album is committed; the client's replay with its
            // Idempotency-Key gets the same answer)
            LOG.debug("{} {}: the answer could not be written: {}", ctx.method(), ctx.path(), gone.toString());
        }
    }

    byte[] bytes(Object answer) {
        try {
            return writers.get(answer.getClass()).writeValueAsBytes(answer);
        } catch (JsonProcessingException broken) {
            throw new IllegalStateException("cannot write a " + answer.getClass().getSimpleName() + " as JSON", broken);
        }
    }

    /** False only where Javalin's compressing stream certainly would not compress: then the length is known. */
    private boolean mayCompress(Context ctx, int length) {
        if (length < compression.getDefaultMinSizeForCompression()) {
            return false;
        }
        String accepted = ctx.header(Header.ACCEPT_ENCODING);
        return accepted != null && compression.findMatchingCompressor(accepted) != null;
    }
}
