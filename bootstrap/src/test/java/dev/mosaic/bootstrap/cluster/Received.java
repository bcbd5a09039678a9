package dev.mosaic.bootstrap.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.bootstrap.SocketClient;
import java.util.List;
import java.util.stream.LongStream;

/** Reads what one socket received: its events' sequence numbers, types and stages. */
final class Received {
    static final String UPDATE = "chat_message_update";
    static final String CREATED = "chat_message";
    static final String COMPLETE = "chat_message_complete";

    private Received() {
    }

    static List<Long> seqs(SocketClient socket) {
        return socket.events().stream().map(event -> event.get("seq").asLong()).toList();
    }

    static long lastSeq(SocketClient socket) {
        List<Long> seqs = seqs(socket);
        return seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
    }

    /** {@code first, first + 1, …, last}: what a socket must have received, each once, in order. */
    static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    /** The {@code last_seq} of the socket's {@code ready} frame: the user's newest event when it connected. */
    static long readyLastSeq(SocketClient socket) {
        return socket.frames.stream().filter(frame -> frame.path("type").asText().equals("ready")).findFirst()
                .orElseThrow(() -> new AssertionError("no ready frame in " + socket.frames))
                .get("last_seq").asLong();
    }

    static boolean isReady(SocketClient socket) {
        return socket.types().contains("ready");
    }

    static List<JsonNode> ofType(SocketClient socket, String type) {
        return socket.events().stream().filter(event -> event.get("type").asText().equals(type)).toList();
    }

    /** The stages the socket was told of for one asset, in order. */
    static List<String> stagesOf(SocketClient socket, long assetId) {
        return ofType(socket, UPDATE).stream()
                .filter(event -> event.get("data").get("asset_id").asLong() == assetId)
                .map(event -> event.get("data").get("stage").asText())
                .toList();
    }

    /** Each event as {@code seq:type:asset:stage}, to compare two sockets' streams without their signed URLs. */
    static List<String> summary(SocketClient socket) {
        return socket.events().stream().map(event -> event.get("seq").asLong() + ":" + event.get("type").asText()
                + ":" + event.path("data").path("asset_id").asLong() + ":" + event.path("data").path("stage").asText())
                .toList();
    }
}
