package dev.mosaic.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers (a request it cannot parse, headers too large, a path it will not route) as
 * problem+json like every other error, instead of its HTML pages.
 */
final class JettyProblems extends ErrorHandler {

    private final ObjectMapper mapper;

    JettyProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Jetty writes a body only for GET, POST and HEAD by default; a refused PUT or DELETE gets its problem too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE));
        return body(status);
    }

    private ByteBuffer body(int status) {
        try {
            return ByteBuffer.wrap(mapper.writeValueAsBytes(problem(status)));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static Problem problem(int status) {
        return switch (status) {
            case 400 -> Problem.of(400, "request_malformed", "the request is not well-formed HTTP (its path,"
                    + " headers or framing)");
            case 404 -> Problem.of(404, "not_found", "no such resource");
            case 408 -> Problem.of(408, "request_timeout", "the request was not sent in time");
            case 413 -> Problem.of(413, "body_too_large", "the body is too large");
            case 414 -> Problem.of(414, "uri_too_long", "the request's URI is too long");
            case 431 -> Problem.of(431, "headers_too_large", "the request's headers are too large");
            case 503 -> Problem.of(503, "service_unavailable", "the server is not ready; try again shortly");
            default -> status >= 400 && status < 500
                    ? Problem.of(status, "request_invalid", "the request was refused")
                    : Problem.of(status >= 500 && status < 600 ? status : 500, "internal",
                            "an unexpected error occurred");
        };
    }
}
