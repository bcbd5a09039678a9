package dev.mosaic.bootstrap.cluster;

import static dev.mosaic.bootstrap.RunningMosaic.token;
import static dev.mosaic.bootstrap.cluster.Albums.JPEG;
import static dev.mosaic.bootstrap.cluster.Albums.PDF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.bootstrap.RunningMosaic;
import dev.mosaic.bootstrap.SocketClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's socket on node A while everything else happens on node B: the batch, the uploads' completions
 * and the processing. Node A serves HTTP only, so every event it delivers came from B by LISTEN/NOTIFY.
 */
class TwoNodesTest {
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
        nodeB = cluster.node("all");
    }

    @Test
    void everyEventOfWorkDoneOnNodeBReachesTheSocketOnNodeAInOrderOnce() throws Exception {
        List<byte[]> photos = List.of(ClusterFiles.jpeg(1600, 1200), ClusterFiles.jpeg(1200, 1600),
                ClusterFiles.jpeg(800, 800));
        byte[] ticket = ClusterFiles.pdf(2_000);
        byte[] itinerary = ClusterFiles.pdf(3_000);
        byte[] scan = ClusterFiles.pdf(12 * 1024 * 1024 + 1234);
        try (SocketClient senderOnA = SocketClient.withFirstFrame(nodeA.socketUrl(), token(SENDER), 0);
             SocketClient receiverOnB = SocketClient.withHeader(nodeB.socketUrl(), token(RECEIVER))) {
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    Received.isReady(senderOnA) && Received.isReady(receiverOnB));

            JsonNode album = Albums.send(nodeB, SENDER, Albums.album(RECEIVER, "from node B", List.of(
                    Albums.jpeg("a.jpg", photos.get(0).length), Albums.pdf("ticket.pdf", ticket.length),
                    Albums.jpeg("b.jpg", photos.get(1).length), Albums.pdf("itinerary.pdf", itinerary.length),
                    Albums.jpeg("c.jpg", photos.get(2).length), Albums.pdf("scan.pdf", scan.length))));
            JsonNode uploads = album.get("uploads");
            long messageId = album.get("message_id").asLong();

            // URLs signed by B, PUT through A: one store, one signing key
            Albums.put(nodeA, uploads.get(0), photos.get(0), JPEG);
            Albums.put(nodeA, uploads.get(1), ticket, PDF);
            Albums.put(nodeA, uploads.get(2), photos.get(1), JPEG);
            Albums.put(nodeA, uploads.get(3), itinerary, PDF);
            Albums.put(nodeA, uploads.get(4), photos.get(2), JPEG);
            JsonNode multipart = uploads.get(5);
            assertThat(multipart.get("mode").asText()).isEqualTo("multipart");
            List<String> etags = new ArrayList<>();
            long offset = 0;
            for (JsonNode item : multipart.get("batch").get("items")) {
                etags.add(Albums.putPart(etags.size() % 2 == 0 ? nodeA : nodeB, item, scan, offset));
                offset += item.get("size").asLong();
            }
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> completed = Albums.complete(nodeB, SENDER, uploads.get(i).get("asset_id").asLong());
                assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
            }
            HttpResponse<String> joined = Albums.completeMultipart(nodeB, SENDER, multipart, etags);
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Albums.message(nodeA, SENDER, messageId).get("complete").asBoolean());
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    !Received.ofType(senderOnA, Received.COMPLETE).isEmpty()
                            && !Received.ofType(receiverOnB, Received.COMPLETE).isEmpty());

            // 1 chat_message, 3 stages for each photo, 2 for each file, 1 chat_message_complete
            int expected = 1 + 3 * 3 + 3 * 2 + 1;
            assertThat(Received.seqs(senderOnA)).as("sender's events on A: %s", senderOnA.frames)
                    .isEqualTo(Received.range(1, expected));
            assertThat(Received.ofType(senderOnA, Received.CREATED)).hasSize(1);
            assertThat(Received.ofType(senderOnA, Received.COMPLETE)).hasSize(1);
            assertThat(senderOnA.events().get(0).get("type").asText()).isEqualTo(Received.CREATED);
            assertThat(senderOnA.events().get(expected - 1).get("type").asText()).isEqualTo(Received.COMPLETE);
            for (int i : new int[] {0, 2, 4}) {
                assertThat(Received.stagesOf(senderOnA, uploads.get(i).get("asset_id").asLong()))
                        .containsExactly("processing", "thumbnail_ready", "ready");
            }
            for (int i : new int[] {1, 3, 5}) {
                assertThat(Received.stagesOf(senderOnA, uploads.get(i).get("asset_id").asLong()))
                        .containsExactly("processing", "ready");
            }
            assertThat(Received.summary(receiverOnB)).isEqualTo(Received.summary(senderOnA));

            try (SocketClient replay = SocketClient.withFirstFrame(nodeA.socketUrl(), token(SENDER), 0)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> replay.events().size() >= expected);
                assertThat(Received.readyLastSeq(replay)).isEqualTo(expected);
                assertThat(Received.summary(replay)).as("the log holds what the socket was told")
                        .isEqualTo(Received.summary(senderOnA));
            }
            assertThat(Received.seqs(senderOnA)).as("nothing arrived twice meanwhile")
                    .isEqualTo(Received.range(1, expected));

            JsonNode thumbnailReady = senderOnA.events().stream()
                    .filter(event -> event.path("data").path("stage").asText().equals("thumbnail_ready"))
                    .findFirst().orElseThrow().get("data");
            HttpResponse<byte[]> thumbnail = Albums.download(nodeA, thumbnailReady.get("thumbnail_url").asText());
            assertThat(thumbnail.statusCode()).as("B's thumbnail, served by A").isEqualTo(200);
            HttpResponse<byte[]> joinedScan = Albums.download(nodeA,
                    Albums.message(nodeA, RECEIVER, messageId).get("assets").get(5).get("download_url").asText());
            assertThat(joinedScan.body()).as("parts PUT through A and B, joined on B").isEqualTo(scan);
            assertThat(Albums.stages(nodeA, RECEIVER, messageId)).containsOnly("ready");
        }
    }
}
