package dev.mosaic.adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/** Reads a request's JSON body within the size limit, and says precisely what is wrong with a bad one. */
final class JsonBody {

    /** Refused bodies up to this size are read to their end before the 413 goes out. */
    static final long MAX_DRAIN_BYTES = 16L * 1024 * 1024;

    /** A declared length up to this is read into an array of that size at once; a larger one as it arrives. */
    static final int EXACT_READ_BYTES = 64 * 1024;

    private final long maxBytes;
    /** A reader per body type, made once: it holds the type's deserializer, which a mapper looks up on every call. */
    private final ClassValue<ObjectReader> readers;

    JsonBody(ObjectMapper mapper, long maxBytes) {
        this.maxBytes = maxBytes;
        this.readers = new ClassValue<>() {
            @Override
            protected ObjectReader computeValue(Class<?> type) {
                return mapper.readerFor(type);
            }
        };
    }

    <T> T read(Context ctx, Class<T> type) {
        byte[] bytes = bytes(ctx);
        if (bytes.length == 0) {
            throw new RequestRejected(Reason.INVALID, "body_missing", "the request needs a JSON object body");
        }
        try {
            T value = readers.get(type).readValue(bytes);
            if (value == null) {
                throw new RequestRejected(Reason.INVALID, "body_malformed", "the body must be a JSON object, not null");
            }
            return value;
        } catch (StreamConstraintsException tooComplex) {
            throw new RequestRejected(Reason.INVALID, "body_malformed",
                    "the body nests too deep or holds an over-long value (at most " + Json.MAX_NESTING_DEPTH
                            + " levels, strings of " + Json.MAX_STRING_LENGTH + " characters, numbers of "
                            + Json.MAX_NUMBER_LENGTH + " digits)");
        } catch (MismatchedInputException mismatch) {
            throw mismatched(mismatch);
        } catch (JsonMappingException unusable) {
            throw new RequestRejected(Reason.INVALID, "field_invalid", where(unusable) + " is not valid");
        } catch (JacksonException malformed) {
            throw new RequestRejected(Reason.INVALID, "body_malformed", "the body is not valid JSON");
        } catch (IOException undecodable) {
            // the bytes are all in memory: what fails here is their encoding (bytes that look like UTF-32 and are
            // not, say), never an outage
            throw new RequestRejected(Reason.INVALID, "body_malformed", "the body is not JSON text in UTF-8");
        }
    }

    /** The body as sent, within the same size limit (for the S3 face's XML). */
    byte[] raw(Context ctx) {
        byte[] bytes = bytes(ctx);
        if (bytes.length == 0) {
            throw new RequestRejected(Reason.INVALID, "body_missing", "the request needs a body");
        }
        return bytes;
    }

    private byte[] bytes(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ClientBody.of(ctx)) {
            if (declared > maxBytes) {
                drain(in, declared);
                throw tooLarge();
            }
            if (declared >= 0 && declared <= EXACT_READ_BYTES) {
                return readExactly(in, (int) declared);
            }
            // chunked (no declared length) or declared over EXACT_READ_BYTES: read as it arrives
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared < 0 ? 1024 : EXACT_READ_BYTES);
            byte[] chunk = new byte[8192];
            long total = 0;
            for (int read = in.read(chunk); read != -1; read = in.read(chunk)) {
                total += read;
                if (total > maxBytes) {
                    drain(in, MAX_DRAIN_BYTES);
                    throw tooLarge();
                }
                out.write(chunk, 0, read);
            }
            return out.toByteArray();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * A body of known length read straight into its array: no chunk buffer and no copy, which were 6 % of what a
     * batch create allocated (JFR, issue 15). Jetty ends the stream at the declared length and fails a shorter one
     * ({@link ClientBody}), and {@code SlowBodies} has the whole body in memory before this runs; the copy for a
     * shorter read is a defence that Jetty does not reach.
     */
    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read);
    }

    /**
     * Reads and drops a refused body of moderate size, so the client, still sending it, reads the 413
     * instead of a reset connection; a larger one is cut off.
     */
    private static void drain(InputStream in, long declared) throws IOException {
        if (declared > MAX_DRAIN_BYTES) {
            return;
        }
        byte[] chunk = new byte[8192];
        long dropped = 0;
        for (int read = in.read(chunk); read != -1 && dropped < MAX_DRAIN_BYTES; read = in.read(chunk)) {
            dropped += read;
        }
    }

    private RequestRejected tooLarge() {
        return new RequestRejected(Reason.TOO_LARGE, "body_too_large",
                "the body must be at most " + maxBytes + " bytes");
    }

    private static RequestRejected mismatched(MismatchedInputException mismatch) {
        if (mismatch.getPath().isEmpty()) {
            return new RequestRejected(Reason.INVALID, "body_malformed", "the body must be a JSON object");
        }
        return new RequestRejected(Reason.INVALID, "field_invalid",
                where(mismatch) + " must be " + describe(mismatch.getTargetType()));
    }

    private static String where(JsonMappingException problem) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : problem.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }
}
