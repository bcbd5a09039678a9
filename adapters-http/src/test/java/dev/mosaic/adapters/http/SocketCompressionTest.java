package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Browsers offer permessage-deflate on every socket; kept with its sliding windows, its zlib state cost about
 * 110 KB outside the heap per idle socket, for event frames of a few hundred bytes. The node declines it.
 */
class SocketCompressionTest {
    private final TestApi api = TestApi.start(new StubUseCases());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anUpgradeOfferingPermessageDeflateIsAcceptedWithoutIt() throws IOException {
        List<String> head = upgrade("permessage-deflate; client_max_window_bits");

        assertThat(head.get(0)).contains(" 101 ");
        assertThat(head).noneMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions"));
    }

    @Test
    void theSocketStillWorksAfterDecliningIt() {
        SocketClient socket = SocketClient.connect(
                java.net.URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws"),
                Map.of("Authorization", "Bearer " + TestApi.token(3)));

        assertThat(socket.next().path("type").asText()).isEqualTo("ready");
    }

    /** The response head of a WebSocket upgrade offering the given extensions, as a browser sends it. */
    private List<String> upgrade(String extensions) throws IOException {
        try (Socket socket = new Socket("localhost", api.api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/ws HTTP/1.1\r\n"
                    + "Host: localhost:" + api.api.port() + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: " + extensions + "\r\n"
                    + "Authorization: Bearer " + TestApi.token(3) + "\r\n"
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            return head;
        }
    }
}
