package dev.mosaic.bootstrap.cluster;

import static dev.mosaic.bootstrap.RunningMosaic.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.bootstrap.RunningMosaic;
import dev.mosaic.bootstrap.SocketClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender's socket on node B, the receiver's on node A: the sender's upload progress reaches the receiver
 * through {@code LISTEN/NOTIFY}, throttled as on one node, and never enters the event log.
 */
class ProgressAcrossNodesTest {
    static final long SENDER = 1;
    static final long RECEIVER = 42;

    @TempDir
    Path dataDir;
    @AutoClose
    Cluster cluster;
    RunningMosaic nodeA;
    RunningMosaic nodeB;

    @BeforeEach
    void start() {
        cluster = new Cluster(dataDir);
        nodeA = cluster.node("api");
        nodeB = cluster.node("api");
    }

    static String progress(long assetId, int percent) {
        return "{\"type\":\"upload_progress\",\"asset_id\":" + assetId + ",\"progress\":" + percent + "}";
    }

    static List<JsonNode> progressOf(SocketClient socket, long assetId) {
        return socket.frames.stream()
                .filter(frame -> Received.UPDATE.equals(frame.path("type").asText()) && !frame.has("seq"))
                .filter(frame -> frame.path("data").path("asset_id").asLong() == assetId)
                .toList();
    }

    @Test
    void theSendersProgressOnNodeBReachesTheReceiverOnNodeAThrottledAndUnlogged() throws Exception {
        try (SocketClient senderOnB = SocketClient.withHeader(nodeB.socketUrl(), token(SENDER));
             SocketClient receiverOnA = SocketClient.withFirstFrame(nodeA.socketUrl(), token(RECEIVER), 0);
             SocketClient senderOnA = SocketClient.withHeader(nodeA.socketUrl(), token(SENDER))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> Received.isReady(senderOnB)
                    && Received.isReady(receiverOnA) && Received.isReady(senderOnA));
            JsonNode album = Albums.send(nodeB, SENDER, Albums.album(RECEIVER, "progress", List.of(
                    Albums.pdf("big.pdf", 9_000_000))));
            long assetId = album.get("uploads").get(0).get("asset_id").asLong();
            long messageId = album.get("message_id").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() -> !Received.ofType(receiverOnA, Received.CREATED).isEmpty());

            senderOnB.send(progress(assetId, 37));
            senderOnB.send(progress(assetId, 38));

            await().atMost(Duration.ofSeconds(10)).until(() -> !progressOf(receiverOnA, assetId).isEmpty());
            JsonNode update = progressOf(receiverOnA, assetId).get(0).get("data");
            assertThat(update.get("stage").asText()).isEqualTo("uploading");
            assertThat(update.get("progress").asInt()).isEqualTo(37);
            assertThat(update.get("message_id").asLong()).isEqualTo(messageId);
            assertThat(update.get("file_name").asText()).isEqualTo("big.pdf");
            await().atMost(Duration.ofSeconds(10)).until(() -> !progressOf(senderOnA, assetId).isEmpty());

            Thread.sleep(1_500);
            senderOnB.send(progress(assetId, 80));
            await().atMost(Duration.ofSeconds(10)).until(() -> progressOf(receiverOnA, assetId).size() >= 2);
            Thread.sleep(500);
            assertThat(progressOf(receiverOnA, assetId)).as("38 came within a second of 37: dropped, as on one node")
                    .extracting(frame -> frame.get("data").get("progress").asInt()).containsExactly(37, 80);
            assertThat(progressOf(senderOnB, assetId)).as("the reporting socket is not echoed").isEmpty();

            try (SocketClient replay = SocketClient.withFirstFrame(nodeA.socketUrl(), token(RECEIVER), 0)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> !replay.events().isEmpty());
                Thread.sleep(300);
                assertThat(replay.events()).as("the log holds no progress")
                        .extracting(event -> event.get("type").asText()).containsExactly(Received.CREATED);
            }
        }
    }
}
