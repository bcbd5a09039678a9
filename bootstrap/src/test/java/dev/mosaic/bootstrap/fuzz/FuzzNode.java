package dev.mosaic.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.bootstrap.RunningMosaic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** One running node and the requests the fuzzer drives at it, each checked as it is answered. */
final class FuzzNode implements AutoCloseable {

    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8",
        "text/plain", "image/jpeg", "", "x/y; charset=bogus"};

    private final RunningMosaic server;
    private final Connection database;
    private final JsonNode album;
    private final AtomicLong requests = new AtomicLong();

    FuzzNode(RunningMosaic server) {
        this.server = server;
        try {
            this.database = DriverManager.getConnection("jdbc:h2:file:" + server.dataDir.toAbsolutePath()
                    .resolve("mosaic") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the node's database", e);
        }
        HttpResponse<String> created = server.post("/api/v1/files/upload/", HttpApiFuzzTest.SENDER, """
                {"receiver_id": 42, "text": "seed", "attachments": [
                  {"file_name": "a.jpg", "file_size": 1000, "content_type": "image/jpeg", "kind": "image"},
                  {"file_name": "v.mp4", "file_size": 15000000, "content_type": "video/mp4", "kind": "video"},
                  {"file_name": "d.pdf", "file_size": 2000, "content_type": "application/pdf", "kind": "file"}]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        this.album = RunningMosaic.json(created);
    }

    RunningMosaic server() {
        return server;
    }

    long requests() {
        return requests.get();
    }

    /** A batch request; when it is refused, no message, asset or multipart upload may remain. */
    void refusedAlbumLeavesNothing(FuzzedDataProvider data) {
        long messages = count("messages");
        long assets = count("assets");
        long uploads = openUploads();
        HttpResponse<String> response = api(data, "/api/v1/files/upload/");
        if (response != null && response.statusCode() >= 400) {
            assertThat(count("messages")).as("messages after a refused batch").isEqualTo(messages);
            assertThat(count("assets")).as("assets after a refused batch").isEqualTo(assets);
            assertThat(openUploads()).as("multipart uploads after a refused batch").isEqualTo(uploads);
        }
    }

    /** A POST to one of the upload calls with fuzzed headers and a fuzzed or half-real body. */
    HttpResponse<String> api(FuzzedDataProvider data, String path) {
        HttpRequest.Builder request;
        try {
            request = HttpApiFuzzTest.request(HttpApiFuzzTest.uri(path + (data.consumeBoolean() ? "" : "?"
                    + data.consumeString(40))));
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
        try {
            authorize(data, request);
            if (data.consumeBoolean()) {
                request.header("Idempotency-Key", data.consumeString(250));
            }
            String type = data.consumeBoolean() ? data.pickValue(CONTENT_TYPES) : data.consumeString(60);
            if (!type.isEmpty()) {
                request.header("Content-Type", type);
            }
        } catch (IllegalArgumentException notAHeader) {
            return null;
        }
        String body = data.consumeBoolean() ? halfRealBody(data) : data.consumeString(3000);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    void read(FuzzedDataProvider data) {
        String path = data.consumeBoolean()
                ? "/api/v1/messages/" + data.consumeString(30)
                : "/api/v1/conversations/" + data.consumeString(20) + "/messages?" + data.consumeString(60);
        try {
            HttpRequest.Builder request = HttpApiFuzzTest.request(HttpApiFuzzTest.uri(path));
            authorize(data, request);
            send(request.GET().build());
        } catch (IllegalArgumentException notSendable) {
            // the client refuses to send such a URI or header: nothing reached the server
        }
    }

    /** A PUT to a signed storage URL whose path, query, type or body is fuzzed. */
    void storagePut(FuzzedDataProvider data) {
        URI real = URI.create(album.get("uploads").get(data.consumeInt(0, 2) == 1 ? 0 : 2).get("put_url").asText());
        try {
            URI target = storageTarget(data, real);
            HttpRequest.Builder request = HttpApiFuzzTest.request(target);
            String type = data.consumeBoolean() ? data.pickValue(CONTENT_TYPES) : data.consumeString(60);
            if (!type.isEmpty()) {
                request.header("Content-Type", type);
            }
            send(request.PUT(HttpRequest.BodyPublishers.ofByteArray(data.consumeBytes(4000))).build());
        } catch (IllegalArgumentException notSendable) {
            // nothing reached the server
        }
    }

    void storageGet(FuzzedDataProvider data) {
        URI real = URI.create(album.get("uploads").get(0).get("put_url").asText());
        try {
            HttpRequest.Builder request = HttpApiFuzzTest.request(storageTarget(data, real));
            send(data.consumeBoolean() ? request.GET().build()
                    : request.method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        } catch (IllegalArgumentException notSendable) {
            // nothing reached the server
        }
    }

    /** Bytes on a socket that need not be HTTP at all: whatever comes back must not be a 5xx. */
    void rawHttp(FuzzedDataProvider data) {
        String method = data.pickValue(new String[] {"GET", "PUT", "POST", "HEAD", "DELETE", "OPTIONS", "BREW"});
        String target = data.consumeString(200).replace("\r", "").replace("\n", "");
        String headers = data.consumeString(400);
        byte[] body = data.consumeRemainingAsBytes();
        String head = method + " " + (target.startsWith("/") ? target : "/" + target) + " HTTP/1.1\r\nHost: localhost\r\n"
                + headers + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        String answer;
        requests.incrementAndGet();
        try (Socket socket = new Socket("localhost", server.mosaic.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            answer = readAll(socket.getInputStream());
        } catch (IOException reset) {
            return;
        }
        if (answer.startsWith("HTTP/1.1 ")) {
            int status = Integer.parseInt(answer.substring(9, 12));
            assertThat(status).as("%s %s answered %s", method, target, answer).isLessThan(500);
            if (status >= 400 && status != 405 || status == 404) {
                assertThat(answer.toLowerCase(java.util.Locale.ROOT))
                        .as("%s %s answered %s", method, target, answer).contains("application/problem+json");
            }
        }
    }

    /** A client frame on an authenticated socket: answered with a frame, or closed, never as a server error. */
    void socketFrame(FuzzedDataProvider data) {
        String frame = data.consumeRemainingAsString();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        CompletableFuture<String> answered = new CompletableFuture<>();
        requests.incrementAndGet();
        WebSocket socket;
        try {
            socket = server.client.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + RunningMosaic.token(HttpApiFuzzTest.SENDER))
                    .buildAsync(server.socketUrl(), new WebSocket.Listener() {
                        private int seen;

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
                            if (++seen > 1) {
                                answered.complete(text.toString());
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            closed.complete(statusCode);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException failed) {
            throw new AssertionError("the socket did not open", failed);
        }
        try {
            socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
            CompletableFuture.anyOf(closed, answered).get(300, TimeUnit.MILLISECONDS);
        } catch (TimeoutException quiet) {
            // no answer is a fine answer to a frame that asks for none (a ping of the wrong shape, say)
        } catch (InterruptedException | ExecutionException failed) {
            return;
        } finally {
            socket.abort();
        }
        if (closed.isDone()) {
            assertThat(closed.join()).as("close code after %s", frame).isNotEqualTo(1011);
        }
    }

    /** Completing a real upload with fuzzed parts and keys, after PUTting fuzzed bytes to it. */
    void completeARealUpload(FuzzedDataProvider data) {
        JsonNode upload = album.get("uploads").get(data.consumeInt(0, 2));
        StringBuilder body = new StringBuilder("{\"asset_id\": ").append(upload.get("asset_id").asLong());
        if (data.consumeBoolean()) {
            body.append(", \"object_key\": \"").append(escape(data.consumeBoolean()
                    ? upload.get("object_key").asText() : data.consumeString(80))).append('"');
        }
        if (upload.has("upload_id")) {
            body.append(", \"upload_id\": \"").append(escape(data.consumeBoolean()
                    ? upload.get("upload_id").asText() : data.consumeString(40))).append("\", \"parts\": [");
            int parts = data.consumeInt(0, 4);
            for (int i = 0; i < parts; i++) {
                body.append(i == 0 ? "" : ",").append("{\"PartNumber\": ").append(data.consumeInt(-2, 5))
                        .append(", \"ETag\": \"").append(escape(data.consumeString(40))).append("\"}");
            }
            body.append(']');
        }
        HttpRequest request = HttpApiFuzzTest.request(HttpApiFuzzTest.uri("/api/v1/files/upload/complete/"))
                .header("Authorization", "Bearer " + RunningMosaic.token(data.consumeBoolean() ? 1 : 2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append('}').toString())).build();
        send(request);
    }

    private URI storageTarget(FuzzedDataProvider data, URI real) {
        String path = data.consumeBoolean() ? real.getRawPath() : "/storage/" + data.consumeString(120);
        String query = data.consumeBoolean() ? real.getRawQuery() : data.consumeString(200);
        if (data.consumeBoolean()) {
            query = query.replaceFirst("signature=[^&]*", "signature=" + data.consumeString(64));
        }
        return HttpApiFuzzTest.uri(path + (query.isEmpty() ? "" : "?" + query));
    }

    private String halfRealBody(FuzzedDataProvider data) {
        JsonNode upload = album.get("uploads").get(data.consumeInt(0, 2));
        return "{\"receiver_id\": " + (data.consumeBoolean() ? "42" : data.consumeString(12))
                + ", \"asset_id\": " + (data.consumeBoolean() ? upload.get("asset_id").asText() : data.consumeString(12))
                + ", \"object_key\": \"" + escape(data.consumeBoolean() ? upload.get("object_key").asText()
                : data.consumeString(60)) + "\""
                + ", \"text\": " + (data.consumeBoolean() ? "null" : "\"" + escape(data.consumeString(100)) + "\"")
                + ", \"attachments\": [{\"file_name\": \"" + escape(data.consumeString(80)) + "\", \"file_size\": "
                + data.consumeLong() + ", \"content_type\": \"" + escape(data.consumeString(40)) + "\", \"kind\": \""
                + data.pickValue(new String[] {"image", "video", "file", "x"}) + "\"}]"
                + ", \"part_numbers\": [" + data.consumeInt() + "]" + data.consumeString(200) + "}";
    }

    private static void authorize(FuzzedDataProvider data, HttpRequest.Builder request) {
        switch (data.consumeInt(0, 3)) {
            case 0 -> request.header("Authorization", "Bearer " + RunningMosaic.token(HttpApiFuzzTest.SENDER));
            case 1 -> request.header("Authorization", "Bearer " + RunningMosaic.token(42));
            case 2 -> request.header("Authorization", data.consumeString(300));
            default -> {
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        requests.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = server.client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException cutOff) {
            throw new UncheckedIOException("the node cut " + request.method() + " " + request.uri() + " off", cutOff);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        HttpApiFuzzTest.check(response);
        return response;
    }

    private long count(String table) {
        try (Statement statement = database.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long openUploads() {
        Path uploads = server.dataDir.resolve("objects").resolve(".uploads");
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        try (Stream<Path> folders = Files.list(uploads)) {
            return folders.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            database.close();
        } catch (SQLException ignored) {
            // the node closes the database anyway
        }
        server.close();
    }
}
