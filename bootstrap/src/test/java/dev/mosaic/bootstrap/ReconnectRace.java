package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

/**
 * A client that keeps reconnecting with {@code since} (its last event) while albums are committed for it, so that
 * connects race commits and their deliveries, and the node often knows the client's last sequence (see the
 * gateway's {@code LastSequences}) when a commit's delivery is still on its way. Between all its sockets the client
 * must get every event once, in order.
 */
public final class ReconnectRace {
    private ReconnectRace() {
    }

    /** Sends {@code albums} albums from {@code sender} on {@code sendOn} while the sender reconnects to {@code connectTo}. */
    public static void run(RunningMosaic sendOn, RunningMosaic connectTo, long sender, long receiver, int albums)
            throws Exception {
        try (SocketClient first = SocketClient.withFirstFrame(connectTo.socketUrl(), token(sender), 0)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> first.types().contains("ready"));
        }
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < albums; i++) {
                HttpResponse<String> created = sendOn.post("/api/v1/files/upload/", sender, """
                        {"receiver_id": %d, "text": "album %d", "attachments": [{"file_name": "a.pdf",
                         "file_size": 9, "content_type": "application/pdf", "kind": "file"}]}"""
                        .formatted(receiver, i));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
        });
        List<Long> received = new ArrayList<>();
        int sockets = 0;
        while (!sending.isDone() || received.size() < albums) {
            long since = received.isEmpty() ? 0 : received.get(received.size() - 1);
            SocketClient socket = SocketClient.withFirstFrame(connectTo.socketUrl(), token(sender), since);
            sockets++;
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> socket.types().contains("ready"));
                if (sending.isDone()) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> socket.events().size() + received.size()
                            >= albums);
                }
            } finally {
                socket.close();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> socket.closed);
            for (JsonNode event : socket.events()) {
                assertThat(event.get("seq").asLong()).as("socket %d (since %d) got %s", sockets, since,
                        socket.events()).isGreaterThan(since);
                received.add(event.get("seq").asLong());
            }
        }
        sending.get();
        assertThat(received).as("every event once, in order, over %d sockets", sockets)
                .isEqualTo(LongStream.rangeClosed(1, albums).boxed().toList());
    }
}
