package dev.mosaic.adapters.storage.gcs;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** One request to the GCS test double, read once, with the ways it answers. */
final class Exchange {

    final HttpExchange http;
    final String method;
    /** The URL as the client sent it: scheme, the Host header, the raw path and query. */
    final URI url;
    final Map<String, String> query;
    /** Lower-case names, as they are signed. */
    final Map<String, String> headers;
    final byte[] body;

    Exchange(HttpExchange http) throws IOException {
        this.http = http;
        this.method = http.getRequestMethod();
        this.headers = new LinkedHashMap<>();
        http.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String raw = http.getRequestURI().getRawPath()
                + (http.getRequestURI().getRawQuery() == null ? "" : "?" + http.getRequestURI().getRawQuery());
        this.url = URI.create("http://" + headers.getOrDefault("host", "localhost") + raw);
        this.query = V4Signatures.query(url);
        try (var in = "gzip".equals(headers.get("content-encoding"))
                ? new GZIPInputStream(http.getRequestBody()) : http.getRequestBody()) {
            this.body = in.readAllBytes();
        }
    }

    String path() {
        return url.getRawPath();
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    void send(int status, String contentType, byte[] bytes) throws IOException {
        if (contentType != null) {
            http.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean empty = bytes.length == 0 || method.equals("HEAD") || status == 204;
        http.sendResponseHeaders(status, empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(bytes);
            }
        }
        http.close();
    }

    void json(int status, String json) throws IOException {
        send(status, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
    }

    void jsonError(int status, String message) throws IOException {
        json(status, "{\"error\": {\"code\": " + status + ", \"message\": " + quote(message)
                + ", \"errors\": [{\"message\": " + quote(message) + ", \"reason\": \"" + reason(status) + "\"}]}}");
    }

    void xml(int status, String xml) throws IOException {
        send(status, "application/xml; charset=UTF-8",
                ("<?xml version='1.0' encoding='UTF-8'?>" + xml).getBytes(StandardCharsets.UTF_8));
    }

    void xmlError(int status, String code, String message) throws IOException {
        xml(status, "<Error><Code>" + code + "</Code><Message>" + escape(message) + "</Message></Error>");
    }

    void header(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String reason(int status) {
        return switch (status) {
            case 401 -> "required";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 412 -> "conditionNotMet";
            default -> "invalid";
        };
    }

    static List<String> segments(String rawPath, String prefix) {
        return List.of(rawPath.substring(prefix.length()).split("/", -1));
    }
}
