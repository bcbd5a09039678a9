package dev.mosaic.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.bootstrap.RunningMosaic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    private List<Long> rows;
    private long uploads;
    private FuzzSocket socket;

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
        this.rows = rows();
        this.uploads = openUploads();
    }

    RunningMosaic server() {
        return server;
    }

    long requests() {
        return requests.get();
    }

    /**
     * A batch request; when it is refused, no message, asset or multipart upload may remain. The counts are read
     * once and again only after a batch that was taken (the only request that adds rows), so a refusal costs one
     * query and one folder listing.
     */
    void refusedAlbumLeavesNothing(FuzzedDataProvider data) {
        Exchange.Answer answer = api(data, "/api/v1/files/upload/");
        if (answer == null) {
            return;
        }
        if (answer.status() >= 400) {
            assertThat(rows()).as("messages and assets after a refused batch").isEqualTo(rows);
            assertThat(openUploads()).as("multipart uploads after a refused batch").isEqualTo(uploads);
        } else {
            rows = rows();
            uploads = openUploads();
        }
    }

    /** A POST to one of the upload calls with fuzzed headers and a fuzzed or half-real body. */
    Exchange.Answer api(FuzzedDataProvider data, String path) {
        Optional<Exchange> request = Exchange.of("POST", path + (data.consumeBoolean() ? "" : "?"
                + data.consumeString(40)));
        if (request.isEmpty() || !authorize(data, request.get())) {
            return null;
        }
        if (data.consumeBoolean() && !request.get().header("Idempotency-Key", data.consumeString(250))) {
            return null;
        }
        String type = data.consumeBoolean() ? data.pickValue(CONTENT_TYPES) : data.consumeString(60);
        if (!type.isEmpty() && !request.get().header("Content-Type", type)) {
            return null;
        }
        String body = data.consumeBoolean() ? halfRealBody(data) : data.consumeString(3000);
        return send(request.get().body(body));
    }

    void read(FuzzedDataProvider data) {
        String path = data.consumeBoolean()
                ? "/api/v1/messages/" + data.consumeString(30)
                : "/api/v1/conversations/" + data.consumeString(20) + "/messages?" + data.consumeString(60);
        Optional<Exchange> request = Exchange.of("GET", path);
        if (request.isPresent() && authorize(data, request.get())) {
            send(request.get());
        }
    }

    /** A PUT to a signed storage URL whose path, query, type or body is fuzzed. */
    void storagePut(FuzzedDataProvider data) {
        URI real = URI.create(album.get("uploads").get(data.consumeInt(0, 2) == 1 ? 0 : 2).get("put_url").asText());
        Optional<Exchange> request = Exchange.of("PUT", storageTarget(data, real));
        if (request.isEmpty()) {
            return;
        }
        String type = data.consumeBoolean() ? data.pickValue(CONTENT_TYPES) : data.consumeString(60);
        if (!type.isEmpty() && !request.get().header("Content-Type", type)) {
            return;
        }
        send(request.get().body(data.consumeBytes(4000)));
    }

    void storageGet(FuzzedDataProvider data) {
        URI real = URI.create(album.get("uploads").get(0).get("put_url").asText());
        String target = storageTarget(data, real);
        Exchange.of(data.consumeBoolean() ? "GET" : "HEAD", target).ifPresent(this::send);
    }

    /** Bytes on a connection that need not be HTTP at all: whatever comes back must not be a 5xx. */
    void rawHttp(FuzzedDataProvider data) {
        String method = data.pickValue(new String[] {"GET", "PUT", "POST", "HEAD", "DELETE", "OPTIONS", "BREW"});
        String target = data.consumeString(200).replace("\r", "").replace("\n", "");
        String headers = data.consumeString(400);
        byte[] body = data.consumeRemainingAsBytes();
        String head = method + " " + (target.startsWith("/") ? target : "/" + target) + " HTTP/1.1\r\nHost: localhost\r\n"
                + headers + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
        requests.incrementAndGet();
        ByteBuffer answered = server.mosaic.exchangeInMemory(
                ByteBuffer.allocate(start.length + body.length).put(start).put(body).flip(), Duration.ofSeconds(30));
        String answer = StandardCharsets.ISO_8859_1.decode(answered).toString();
        if (answer.startsWith("HTTP/1.1 ")) {
            int status = Integer.parseInt(answer.substring(9, 12));
            assertThat(status).as("%s %s answered %s", method, target, answer).isLessThan(500);
            if (status >= 400 && status != 405 || status == 404) {
                assertThat(answer.toLowerCase(java.util.Locale.ROOT))
                        .as("%s %s answered %s", method, target, answer).contains("application/problem+json");
            }
        }
    }

    /**
     * A client frame on one authenticated socket kept open across executions: whatever the frame, the socket is
     * never closed as a server error (1011). The server may close it for a frame it refuses; the next frame opens
     * a new one. No answer is awaited: a close arrives on its own and is checked at the next frame.
     */
    void socketFrame(FuzzedDataProvider data) {
        String frame = data.consumeRemainingAsString();
        requests.incrementAndGet();
        FuzzSocket open = socket;
        if (open == null || open.closedWith() != null) {
            if (open != null) {
                assertThat(open.closedWith()).as("close code after %s", open.lastFrame()).isNotEqualTo(1011);
            }
            open = FuzzSocket.open(server);
            socket = open;
        }
        open.send(frame);
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
        Exchange request = Exchange.of("POST", "/api/v1/files/upload/complete/").orElseThrow();
        request.header("Authorization", "Bearer " + RunningMosaic.token(data.consumeBoolean() ? 1 : 2));
        request.header("Content-Type", "application/json");
        send(request.body(body.append('}').toString()));
    }

    private static String storageTarget(FuzzedDataProvider data, URI real) {
        String path = data.consumeBoolean() ? real.getRawPath() : "/storage/" + data.consumeString(120);
        String query = data.consumeBoolean() ? real.getRawQuery() : data.consumeString(200);
        if (data.consumeBoolean()) {
            query = query.replaceFirst("signature=[^&]*",
                    java.util.regex.Matcher.quoteReplacement("signature=" + data.consumeString(64)));
        }
        return path + (query.isEmpty() ? "" : "?" + query);
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

    /** False when the fuzzed header is one no client could send. */
    private static boolean authorize(FuzzedDataProvider data, Exchange request) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> request.header("Authorization", "Bearer " + RunningMosaic.token(HttpApiFuzzTest.SENDER));
            case 1 -> request.header("Authorization", "Bearer " + RunningMosaic.token(42));
            case 2 -> request.header("Authorization", data.consumeString(300));
            default -> true;
        };
    }

    private Exchange.Answer send(Exchange request) {
        requests.incrementAndGet();
        Exchange.Answer answer = request.send(server.mosaic);
        HttpApiFuzzTest.check(answer);
        return answer;
    }

    /** How many messages and assets the node's database holds, in one query. */
    private List<Long> rows() {
        try (Statement statement = database.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT (SELECT COUNT(*) FROM messages), (SELECT COUNT(*) FROM assets)")) {
            rows.next();
            return List.of(rows.getLong(1), rows.getLong(2));
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

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        try {
            database.close();
        } catch (SQLException ignored) {
            // the node closes the database anyway
        }
        server.close();
    }
}
