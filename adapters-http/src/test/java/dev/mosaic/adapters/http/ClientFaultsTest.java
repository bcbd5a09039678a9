package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mosaic.application.port.out.Unavailable;
import io.micrometer.core.instrument.Counter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** What a careless or broken client does to the server: always a 4xx or its own doing, never a 500 or an ERROR. */
class ClientFaultsTest {

    private static final String OBJECT = "/storage/raw/1/501/beach.jpg?signature=good";

    @TempDir
    Path folder;
    private TestApi api;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() {
        StubUseCases stubs = new StubUseCases();
        stubs.signedUrls = new RecordingStorage(folder);
        api = TestApi.start(stubs);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        api.close();
    }

    @Test
    void aPutCutOffMidBodyIsCountedAndNeverAnError() throws IOException {
        sendAndHangUp("PUT " + OBJECT + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\n"
                + "Content-Length: 100000\r\n\r\n", 1000);

        await().atMost(Duration.ofSeconds(10)).until(() -> abandoned("aborted") == 1.0);
        assertThat(errors()).isEmpty();
        assertThat(api.registry.find("http.server.requests").tag("status", "500").timers()).isEmpty();
    }

    @Test
    void anApiBodyCutOffMidWayIsCountedAndNeverAnError() throws IOException {
        sendAndHangUp("POST /api/v1/files/upload/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestApi.token(1) + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n", 100);

        await().atMost(Duration.ofSeconds(10)).until(() -> abandoned("aborted") == 1.0);
        assertThat(errors()).isEmpty();
    }

    @Test
    void aClientStillListeningIsToldItsBodyWasCutOff() throws IOException {
        try (Socket socket = new Socket("localhost", api.api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + OBJECT + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\nzz-not-a-chunk\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            String answer = readAll(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
        }
        assertThat(errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x/y; charset=bogus", "image/jpeg; charset=binary", "image/jpeg; charset=\"\"",
        "image/jpeg; =x", "not a type", "image/jpeg; charset=utf-8; q"})
    void aBadContentTypeOnAPutIsRefusedBeforeAnythingReadsIt(String contentType) {
        HttpResponse<String> response = api.send(api.request(OBJECT).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString("bytes")).build());

        JsonAssert.problem(response, 400, "content_type_invalid");
        assertThat(errors()).isEmpty();
    }

    @Test
    void anUnsignedPutWithABogusCharsetIsA400NotA500() {
        HttpResponse<String> response = api.send(api.request("/storage/raw/1/501/beach.jpg")
                .header("Content-Type", "x/y; charset=bogus").PUT(HttpRequest.BodyPublishers.ofString("b")).build());

        JsonAssert.problem(response, 400, "content_type_invalid");
    }

    @Test
    void aBogusCharsetOnTheApiIsRefusedToo() {
        HttpResponse<String> response = api.send(api.authorized("/api/v1/files/upload/", 1)
                .header("Content-Type", "application/json; charset=bogus")
                .POST(HttpRequest.BodyPublishers.ofString(UploadRoutesTest.GUIDE_BATCH)).build());

        JsonAssert.problem(response, 400, "content_type_invalid");
    }

    @Test
    void wellFormedContentTypesPass() {
        assertThat(ContentTypeHeader.problemWith("application/json; charset=UTF-8")).isNull();
        assertThat(ContentTypeHeader.problemWith("image/jpeg")).isNull();
        assertThat(ContentTypeHeader.problemWith("multipart/form-data; boundary=\"a b\"")).isNull();
        assertThat(ContentTypeHeader.problemWith("text/plain;charset=iso-8859-1;")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Unavailable.Part.class)
    void anOutageIsA503WithRetryAfterNamingThePart(Unavailable.Part part) {
        api.stubs.sendAlbum = command -> {
            throw new Unavailable(part, "connection refused", new IOException("refused"));
        };

        HttpResponse<String> response = api.postJson("/api/v1/files/upload/", 1, UploadRoutesTest.GUIDE_BATCH);

        var problem = JsonAssert.problem(response, 503, "service_unavailable");
        assertThat(problem.path("detail").asText()).contains(part.wireName());
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(errors()).isEmpty();
    }

    @Test
    void jettysOwnRefusalOfANulInThePathIsProblemJson() throws IOException {
        String answer = raw("GET /api/v1/messages/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"request_malformed\"");
    }

    @Test
    void headersTooLargeAreProblemJson() throws IOException {
        String answer = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431").contains("application/problem+json")
                .contains("\"code\":\"headers_too_large\"");
    }

    /** A fuzz finding: Jetty refused bytes outside ASCII in the request target with a bare 400 and no body. */
    @ParameterizedTest
    @ValueSource(strings = {"PUT \u00DF HTTP/1.1", "GET /health\u00E9 HTTP/1.1", "PUT /storage/raw/1/\u00FF HTTP/1.1", "GET /storage/raw/1/\u00FF HTTP/1.1", "PUT /health\u00FF HTTP/1.1", "GET /health\u00FF HTTP/1.1", "POST /api/v1/files/upload/\u00FF HTTP/1.1", "GET /\u00FF HTTP/1.1", "GET /storage/\u00DF HTTP/1.1"})
    void aTargetWithBytesOutsideAsciiIsProblemJson(String requestLine) throws IOException {
        String answer = raw(requestLine + "\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"request_malformed\"");
    }

    /** A fuzz finding: bytes Jackson reads as UTF-32 and cannot decode were a 500. */
    @Test
    void aBodyThatIsNoTextInAnyJsonEncodingIsMalformedNotAnError() throws IOException {
        String body = "\u0000\u0000\u0000 \u0000\u0000\u0000 \u0000\u0000\u0000 \u0064\u0024\u0075\u00EF";
        String answer = raw("POST /api/v1/files/upload/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestApi.token(1) + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"code\":\"body_malformed\"");
        assertThat(errors()).isEmpty();
    }

    @Test
    void aMalformedRequestLineIsProblemJson() throws IOException {
        String answer = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
    }

    private double abandoned(String reason) {
        Counter counter = api.registry.find("mosaic.http.bodies.abandoned").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<ILoggingEvent> errors() {
        return logs.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
    }

    private void sendAndHangUp(String head, int bodyBytes) throws IOException {
        try (Socket socket = new Socket("localhost", api.api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[bodyBytes]);
            out.flush();
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", api.api.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
