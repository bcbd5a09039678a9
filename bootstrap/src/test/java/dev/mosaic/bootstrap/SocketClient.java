package dev.mosaic.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client that keeps every frame it receives. */
public final class SocketClient implements WebSocket.Listener, AutoCloseable {
    public final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    /** When each frame of {@link #frames} arrived, by {@link System#nanoTime()}, in the same order. */
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    public volatile boolean closed;

    private SocketClient(URI url, String headerToken, String firstFrame) {
        try {
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
            if (headerToken != null) {
                builder.header("Authorization", "Bearer " + headerToken);
            }
            this.socket = builder.buildAsync(url, this).get(10, TimeUnit.SECONDS);
            if (firstFrame != null) {
                socket.sendText(firstFrame, true).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not open a socket to " + url, e);
        }
    }

    /** Authenticates with the upgrade's Authorization header. */
    public static SocketClient withHeader(URI url, String token) {
        return new SocketClient(url, token, null);
    }

    /** Authenticates as a browser must: with the first frame. */
    public static SocketClient withFirstFrame(URI url, String token, long since) {
        return new SocketClient(url, null, "{\"type\":\"auth\",\"token\":\"" + token + "\",\"since\":" + since + "}");
    }

    /** Sends one text frame and waits until it is on its way. */
    public void send(String frame) {
        try {
            socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + frame, e);
        }
    }

    public List<JsonNode> events() {
        return frames.stream().filter(frame -> frame.has("seq")).toList();
    }

    public List<String> types() {
        return frames.stream().map(frame -> frame.path("type").asText()).toList();
    }

    /**
     * Waits, without spinning (a benchmark's spin would take one of two cores from the server), for a
     * frame that matches; answers the {@link System#nanoTime()} at which it arrived.
     */
    public synchronized long awaitArrival(java.util.function.Predicate<JsonNode> wanted, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < frames.size(); checked++) {
                if (wanted.test(frames.get(checked))) {
                    return arrivals.get(checked);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("no such frame within " + timeout);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode frame = RunningMosaic.JSON.readTree(partial.toString());
                synchronized (this) {
                    arrivals.add(System.nanoTime());
                    frames.add(frame);
                    notifyAll();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
    }

    @Override
    public void close() {
        if (!closed) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
