package dev.mosaic.bootstrap.fuzz;

import dev.mosaic.bootstrap.RunningMosaic;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One authenticated event socket the fuzzer sends its frames on; remembers how and after which frame it closed. */
final class FuzzSocket implements WebSocket.Listener {
    private volatile Integer closedWith;
    private volatile String lastFrame = "";
    private WebSocket socket;

    static FuzzSocket open(RunningMosaic server) {
        FuzzSocket listener = new FuzzSocket();
        try {
            listener.socket = server.client.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + RunningMosaic.token(HttpApiFuzzTest.SENDER))
                    .buildAsync(server.socketUrl(), listener).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException failed) {
            throw new AssertionError("the socket did not open", failed);
        }
        return listener;
    }

    void send(String frame) {
        lastFrame = frame;
        try {
            socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException closedMeanwhile) {
            // the server closed the socket; its close code is checked at the next frame
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    Integer closedWith() {
        return closedWith;
    }

    String lastFrame() {
        return lastFrame;
    }

    void abort() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedWith = statusCode;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (closedWith == null) {
            closedWith = -1;
        }
    }
}
