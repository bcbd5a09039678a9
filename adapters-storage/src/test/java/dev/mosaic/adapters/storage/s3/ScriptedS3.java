package dev.mosaic.adapters.storage.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An HTTP server on loopback that answers S3 requests from a script: for what S3 does and S3Proxy
 * does not (paged ListParts, {@code NoSuchUpload}, an error inside a {@code 200}). It checks no
 * signature; the SDK's real client and XML parsing are what is under test.
 */
final class ScriptedS3 implements AutoCloseable {

    static final String BUCKET = "scripted";

    /** One request as the store saw it. */
    record Seen(String method, String path, Map<String, String> query, String body) {
        boolean isListParts() {
            return method.equals("GET") && query.containsKey("uploadId");
        }

        boolean isComplete() {
            return method.equals("POST") && query.containsKey("uploadId");
        }

        boolean isAbort() {
            return method.equals("DELETE") && query.containsKey("uploadId");
        }
    }

    record Answer(int status, String xml) {
        static Answer ok(String xml) {
            return new Answer(200, xml);
        }

        static Answer error(int status, String code) {
            return new Answer(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                    + "</Code><Message>scripted " + code + "</Message><RequestId>r</RequestId></Error>");
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private ScriptedS3(HttpServer server) {
        this.server = server;
    }

    static ScriptedS3 answering(Function<Seen, Answer> script) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ScriptedS3 s3 = new ScriptedS3(server);
            server.createContext("/", exchange -> s3.answer(exchange, script));
            server.start();
            return s3;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store reading ListParts in pages of {@code pageSize}. */
    S3Storage storage(int pageSize) {
        S3Settings settings = new S3Settings(BUCKET, "us-east-1",
                Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())), true,
                Optional.of("scripted-key"), Optional.of("scripted-secret"));
        return new S3Storage(settings, Clock.systemUTC(), pageSize);
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void answer(HttpExchange exchange, Function<Seen, Answer> script) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            Seen request = new Seen(exchange.getRequestMethod(), uri.getPath(),
                    uri.getRawQuery() == null ? Map.of() : SignedUrls.query(uri), body);
            seen.add(request);
            Answer answer = script.apply(request);
            byte[] xml = answer.xml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.getResponseHeaders().add("x-amz-request-id", "r");
            exchange.sendResponseHeaders(answer.status(), xml.length == 0 ? -1 : xml.length);
            exchange.getResponseBody().write(xml);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
