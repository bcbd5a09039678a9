package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.Unavailable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WebSocket protocol as {@link SocketEndpoint} speaks it on Jetty's core: fragments, pings, binary frames. */
class SocketProtocolTest {
    private final TestApi api = TestApi.start(new StubUseCases());
    private final Recorder recorder = new Recorder();
    private WebSocket socket;

    @AfterEach
    void stop() {
        if (socket != null) {
            socket.abort();
        }
        api.close();
    }

    @Test
    void aTextMessageSentInFragmentsIsReadWhole() throws Exception {
        open();
        String auth = "{\"type\": \"auth\", \"token\": \"" + TestApi.token(1) + "\"}";
        int half = auth.length() / 2;

        socket.sendText(auth.substring(0, half), false).join();
        socket.sendText(auth.substring(half), true).join();

        assertThat(recorder.nextText()).contains("\"type\":\"ready\"");
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingItsPayload() throws Exception {
        open();

        socket.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8))).join();

        assertThat(recorder.pongs.poll(5, TimeUnit.SECONDS)).isEqualTo("are you there");
    }

    @Test
    void aBinaryFrameClosesTheSocketWithUnsupportedData() throws Exception {
        open();
        socket.sendText("{\"type\": \"auth\", \"token\": \"" + TestApi.token(1) + "\"}", true).join();
        assertThat(recorder.nextText()).contains("\"type\":\"ready\"");

        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();

        assertThat(recorder.closed.get(5, TimeUnit.SECONDS)).isEqualTo("1003 text_frames_only");
    }

    @Test
    void fragmentsAddingUpToMoreThanTheLargestFrameCloseTheSocketAsTooBig() throws Exception {
        open();
        String chunk = "x".repeat(HttpSettings.DEFAULT_MAX_FRAME_BYTES / 2 + 1);

        socket.sendText("{\"type\": \"ping\", \"pad\": \"" + chunk, false).join();
        socket.sendText(chunk + "\"}", true).exceptionally(alreadyClosed -> null).join();

        assertThat(recorder.closed.get(5, TimeUnit.SECONDS)).startsWith("1009 ");
    }

    @Test
    void signingInWhileTheEventLogIsUnavailableClosesWithTryAgainLater() throws Exception {
        api.stubs.events.failure = new Unavailable(Unavailable.Part.DATABASE, "connection refused",
                new IOException("refused"));
        open();

        socket.sendText("{\"type\": \"auth\", \"token\": \"" + TestApi.token(1) + "\"}", true).join();

        assertThat(recorder.closed.get(5, TimeUnit.SECONDS)).isEqualTo("1013 try_again_later");
    }

    @Test
    void aSocketSignedInByItsHeaderWhileTheEventLogIsUnavailableClosesWithTryAgainLater() throws Exception {
        api.stubs.events.failure = new Unavailable(Unavailable.Part.DATABASE, "connection refused",
                new IOException("refused"));

        socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + TestApi.token(1))
                .buildAsync(URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws"), recorder).join();

        assertThat(recorder.closed.get(5, TimeUnit.SECONDS)).isEqualTo("1013 try_again_later");
    }

    @Test
    void aFailureOfMosaicsOwnClosesWithServerErrorAndNoDetailForTheClient() throws Exception {
        api.stubs.events.failure = new IllegalStateException("SELECT secret FROM internals");
        open();

        socket.sendText("{\"type\": \"auth\", \"token\": \"" + TestApi.token(1) + "\"}", true).join();

        assertThat(recorder.closed.get(5, TimeUnit.SECONDS)).isEqualTo("1011 server_error");
    }

    @Test
    void aSocketOpenedWhileTheNodeStopsIsToldSoAndNoTimerFails() throws Exception {
        api.api.closeSockets();

        open();

        assertThat(recorder.closed.get(5, TimeUnit.SECONDS)).isEqualTo("1001 server_stopping");
    }

    private void open() {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws"), recorder).join();
    }

    private static final class Recorder implements WebSocket.Listener {
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        String nextText() throws InterruptedException {
            String next = texts.poll(5, TimeUnit.SECONDS);
            assertThat(next).as("a text message within 5 s").isNotNull();
            return next;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                texts.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pongs.add(StandardCharsets.UTF_8.decode(message).toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
