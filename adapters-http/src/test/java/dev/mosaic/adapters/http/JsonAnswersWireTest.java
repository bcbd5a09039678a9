package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.MessageView;
import dev.mosaic.application.view.PartBatch;
import dev.mosaic.application.view.PartUrl;
import dev.mosaic.application.view.PartsIssued;
import io.javalin.compression.CompressionStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The upload routes' answers as raw HTTP: status, headers and framing, plain and gzipped, small and large. */
class JsonAnswersWireTest {

    private final TestApi api = TestApi.start(new StubUseCases());
    private final ObjectMapper mapper = Json.mapper();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aBatchAnswerIsOneBodyWithItsLengthAndNoChunks() {
        HttpTester.Response response = post("/api/v1/files/upload/", UploadRoutesTest.GUIDE_BATCH, "");

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.get("Content-Type")).isEqualTo("application/json");
        assertThat(response.get("Transfer-Encoding")).isNull();
        assertThat(response.get("Content-Encoding")).isNull();
        assertThat(response.get("Content-Length"))
                .isEqualTo(Integer.toString(UploadInstructionWireTest.RECORDED.getBytes(StandardCharsets.UTF_8).length));
        assertThat(response.getContent()).isEqualTo(UploadInstructionWireTest.RECORDED);
    }

    @Test
    void aClientThatAcceptsGzipGetsALargerAnswerGzipped() throws IOException {
        AlbumCreated album = Views.albumCreated();
        AlbumCreated larger = new AlbumCreated(album.messageId(), album.uploads(), new MessageView(
                album.message().messageId(), Views.SENDER, Views.RECEIVER, "Check out the photos! ".repeat(30),
                "2025-01-01T10:00:00Z", false, album.message().assets()));
        api.stubs.sendAlbum = command -> larger;
        String expected = mapper.writeValueAsString(AlbumCreatedJson.from(larger));
        assertThat(expected.length()).isGreaterThan(CompressionStrategy.GZIP.getDefaultMinSizeForCompression());

        HttpTester.Response gzipped = post("/api/v1/files/upload/", UploadRoutesTest.GUIDE_BATCH,
                "Accept-Encoding: gzip, deflate, br\r\n");
        HttpTester.Response plain = post("/api/v1/files/upload/", UploadRoutesTest.GUIDE_BATCH,
                "Accept-Encoding: identity\r\n");

        assertThat(gzipped.getStatus()).isEqualTo(201);
        assertThat(gzipped.get("Content-Type")).isEqualTo("application/json");
        assertThat(gzipped.get("Content-Encoding")).isEqualTo("gzip");
        byte[] bytes = gzipped.getContentBytes();
        assertThat(gzipped.get("Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(new String(gunzip(bytes), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(plain.get("Content-Encoding")).isNull();
        assertThat(plain.get("Content-Length")).isEqualTo(Integer.toString(plain.getContentBytes().length));
        assertThat(plain.getContent()).isEqualTo(expected);
    }

    @Test
    void aSmallAnswerIsNotGzippedEvenWhenTheClientAcceptsIt() {
        HttpTester.Response response = post("/api/v1/files/upload/complete",
                "{\"asset_id\": 501}", "Accept-Encoding: gzip\r\n");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.get("Content-Encoding")).isNull();
        assertThat(response.get("Content-Length")).isEqualTo(Integer.toString(response.getContentBytes().length));
        assertThat(response.getContent()).startsWith("{\"message_id\":105,\"asset_id\":501,");
    }

    @Test
    void anAnswerLargerThanTheResponseBufferArrivesWhole() throws IOException {
        List<PartUrl> urls = IntStream.rangeClosed(1, 400)
                .mapToObj(n -> new PartUrl(n, "https://s3.test/raw/1/502/party.mp4?partNumber=" + n
                        + "&X-Amz-Signature=" + "0123456789abcdef".repeat(4), 5_242_880))
                .toList();
        PartsIssued many = PartsIssued.multipart(502, "raw/1/502/party.mp4", "upload_xyz_123", 5_242_880L, 400,
                List.of(), new PartBatch(urls, 401, "2025-01-01T11:00:00Z"));
        api.stubs.signParts = command -> many;
        String expected = mapper.writeValueAsString(many);
        assertThat(expected.length()).isGreaterThan(64 * 1024);

        HttpTester.Response plain = post("/api/v1/files/upload/parts", "{\"asset_id\": 502}", "");
        HttpTester.Response gzipped = post("/api/v1/files/upload/parts", "{\"asset_id\": 502}",
                "Accept-Encoding: gzip\r\n");

        assertThat(plain.getStatus()).isEqualTo(200);
        assertThat(plain.getContent()).isEqualTo(expected);
        assertThat(plain.get("Content-Type")).isEqualTo("application/json");
        assertThat(plain.get("Transfer-Encoding")).isNull();
        assertThat(plain.get("Content-Length")).isEqualTo(Integer.toString(expected.length()));
        assertThat(gzipped.get("Content-Encoding")).isEqualTo("gzip");
        assertThat(new String(gunzip(gzipped.getContentBytes()), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void aClientThatHangsUpBeforeItsAnswerIsNoErrorAndNo500() throws Exception {
        CountDownLatch hungUp = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        api.stubs.sendAlbum = command -> {
            await(hungUp);
            answered.countDown();
            return Views.albumCreated();
        };
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try {
            byte[] body = UploadRoutesTest.GUIDE_BATCH.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("localhost", api.api.port())) {
                socket.getOutputStream().write(("POST /api/v1/files/upload/ HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + TestApi.token(1) + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().write(body);
                socket.setSoLinger(true, 0);
            }
            Thread.sleep(200);
            hungUp.countDown();
            assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
            // the request is over once Javalin has timed it: wait for that, not for a guessed while
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (api.registry.find("http.server.requests").timers().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(api.registry.find("http.server.requests").timers()).isNotEmpty();

            assertThat(logs.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
            assertThat(api.registry.find("http.server.requests").tag("status", "500").timers()).isEmpty();
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void aRefusedCreateIsStillAProblem() {
        HttpTester.Response response = post("/api/v1/files/upload/", "{\"receiver_id\": 42, \"attachments\": []}", "");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.getContent()).contains("\"code\"");
    }

    private HttpTester.Response post(String path, String json, String extraHeaders) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestApi.token(1) + "\r\n"
                + "Content-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer request = ByteBuffer.allocate(start.length + body.length).put(start).put(body).flip();
        ByteBuffer raw = api.api.exchangeInMemory(request, Duration.ofSeconds(10));
        return HttpTester.parseResponse(raw);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
