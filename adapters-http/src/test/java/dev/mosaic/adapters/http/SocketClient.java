package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A real WebSocket client that keeps every frame it receives and how it was closed. */
final class SocketClient extends WebSocketClient {

    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private volatile ServerHandshake handshake;

    private SocketClient(URI uri, Map<String, String> headers) {
        super(uri, headers);
    }

    static SocketClient connect(URI uri, Map<String, String> headers) {
        SocketClient client = attempt(uri, headers);
        assertThat(client.isOpen()).as("connected to " + uri).isTrue();
        return client;
    }

    /** Connects to a server that may close the socket at once. */
    static SocketClient attempt(URI uri, Map<String, String> headers) {
        SocketClient client = new SocketClient(uri, headers);
        try {
            client.connectBlocking(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return client;
    }

    /** The next frame, waiting up to 5 s for it. */
    JsonNode next() {
        try {
            String frame = unread.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 5 s").isNotNull();
            return JsonAssert.json(frame);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    String nextRaw() {
        try {
            String frame = unread.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 5 s").isNotNull();
            return frame;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Asserts nothing else is pending: the server answers frames in order, so a ping's pong comes next. */
    void assertNothingMoreThanPong() {
        send("{\"type\":\"ping\"}");
        assertThat(next().path("type").asText()).isEqualTo("pong");
    }

    List<JsonNode> received() {
        return received.stream().map(JsonAssert::json).toList();
    }

    Closed awaitClose() {
        try {
            return closed.get(5, TimeUnit.SECONDS);
        } catch (Exception notClosed) {
            throw new AssertionError("socket not closed within 5 s", notClosed);
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        this.handshake = handshake;
    }

    /** The server's answer to the upgrade. */
    ServerHandshake handshake() {
        return handshake;
    }

    @Override
    public void onMessage(String message) {
        received.add(message);
        unread.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closed.complete(new Closed(code, reason));
    }

    @Override
    public void onError(Exception failure) {
    }

    record Closed(int code, String reason) {
    }
}
