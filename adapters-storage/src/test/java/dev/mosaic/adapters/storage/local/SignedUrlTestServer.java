package dev.mosaic.adapters.storage.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.storage.SignedUrlEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Test-only glue: a JDK HTTP server that routes {@code /storage/*} to a {@link SignedUrlEndpoint},
 * so tests PUT and GET over real HTTP. Production routing lives in the HTTP adapter.
 */
final class SignedUrlTestServer implements AutoCloseable {

    private final HttpServer server;
    private boolean closed;

    /** Binds a free port first, so the store can be told its public URL before it exists. */
    SignedUrlTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    URI publicUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void serve(Supplier<SignedUrlEndpoint> endpoint) {
        server.createContext(SignedUrlEndpoint.PATH_PREFIX, exchange -> {
            try (exchange) {
                handle(endpoint.get(), exchange);
            }
        });
        server.start();
    }

    private static void handle(SignedUrlEndpoint endpoint, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(SignedUrlEndpoint.PATH_PREFIX.length());
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        try {
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    String length = exchange.getRequestHeaders().getFirst("Content-Length");
                    SignedUrlEndpoint.Stored stored = endpoint.put(path, query,
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            length == null ? -1 : Long.parseLong(length), exchange.getRequestBody());
                    exchange.getResponseHeaders().add("ETag", stored.etag());
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET" -> {
                    SignedUrlEndpoint.Download download = endpoint.get(path, query);
                    exchange.getResponseHeaders().add("Content-Type", download.contentType());
                    download.attachmentName().ifPresent(name -> exchange.getResponseHeaders().add(
                            "Content-Disposition", "attachment; filename*=UTF-8''"
                                    + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")));
                    exchange.sendResponseHeaders(200, download.size());
                    try (OutputStream out = exchange.getResponseBody()) {
                        Files.copy(download.file(), out);
                    }
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        } catch (RequestRejected rejected) {
            byte[] body = rejected.code().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status(rejected.reason()), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static int status(RequestRejected.Reason reason) {
        return switch (reason) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNPROCESSABLE -> 422;
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
