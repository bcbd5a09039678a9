package dev.mosaic.bootstrap.fuzz;

import dev.mosaic.bootstrap.Mosaic;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpTester;

/**
 * One HTTP/1.1 request through the node's in-memory connector: the same Jetty parser, handlers and routes as a
 * socket, without the socket. Requests a real client could not send (a header with a line break, a URI that is
 * none) are refused here, as {@link java.net.http.HttpClient} refuses them, and never reach the node.
 */
final class Exchange {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String method;
    private final String target;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private Exchange(String method, String target) {
        this.method = method;
        this.target = target;
    }

    /** Empty when no client could send a request to this path and query. */
    static Optional<Exchange> of(String method, String pathAndQuery) {
        try {
            URI uri = URI.create("http://localhost" + pathAndQuery);
            String raw = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? Optional.empty()
                    : Optional.of(new Exchange(method, raw));
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    /** False, and nothing set, for a name or value a client could not send. */
    boolean header(String name, String value) {
        if (!name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')
                || !value.chars().allMatch(c -> c == '\t' || (c >= 32 && c < 256 && c != 127))) {
            return false;
        }
        headers.put(name, value);
        return true;
    }

    Exchange body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    Exchange body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    String method() {
        return method;
    }

    String target() {
        return target;
    }

    Answer send(Mosaic node) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!method.equals("GET") && !method.equals("HEAD") || body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer request = ByteBuffer.allocate(start.length + body.length).put(start).put(body).flip();
        ByteBuffer raw = node.exchangeInMemory(request, TIMEOUT);
        if (!raw.hasRemaining()) {
            throw new AssertionError(method + " " + target + " was answered with nothing");
        }
        HttpTester.Response response = method.equals("HEAD") ? HttpTester.parseHeadResponse(raw)
                : HttpTester.parseResponse(raw);
        if (response == null) {
            throw new AssertionError(method + " " + target + " was answered with no whole response");
        }
        return new Answer(method, target, response.getStatus(),
                Optional.ofNullable(response.get("Content-Type")).orElse(""), response.getContent());
    }

    /** What the node answered. */
    record Answer(String method, String target, int status, String contentType, String body) {
    }
}
