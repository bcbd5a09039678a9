package dev.mosaic.bootstrap.cluster;

import static dev.mosaic.bootstrap.RunningMosaic.token;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client drops its socket while 30 files complete and are processed, and comes back through another
 * node with {@code since}: between its two connections it gets every event, each once.
 */
class ReconnectAcrossNodesTest {
    static final long SENDER = 1;
    static final long RECEIVER = 42;
    static final int ALBUMS = 3;
    static final int FILES_PER_ALBUM = 10;

    @TempDir
    Path dataDir;
    Cluster cluster;
    RunningMosaic nodeA;
    RunningMosaic nodeB;
    ExecutorService clients = Executors.newFixedThreadPool(4);

    @BeforeEach
    void start() {
        cluster = new Cluster(dataDir);
        nodeA = cluster.node("api");
        nodeB = cluster.node("all");
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
        cluster.close();
    }

    @Test
    void aClientThatDropsDuringABurstAndReconnectsWithSinceGetsEveryMissedEventOnce() throws Exception {
        byte[] pdf = ClusterFiles.pdf(1_500);
        List<Long> messageIds = new ArrayList<>();
        List<Long> assetIds = new ArrayList<>();
        for (int album = 0; album < ALBUMS; album++) {
            List<String> files = new ArrayList<>();
            for (int file = 0; file < FILES_PER_ALBUM; file++) {
                files.add(Albums.pdf("page-" + album + "-" + file + ".pdf", pdf.length));
            }
            JsonNode created = Albums.send(nodeB, SENDER, Albums.album(RECEIVER, "album " + album, files));
            messageIds.add(created.get("message_id").asLong());
            for (JsonNode upload : created.get("uploads")) {
                Albums.put(nodeB, upload, pdf, Albums.PDF);
                assetIds.add(upload.get("asset_id").asLong());
            }
        }
        // per album: chat_message, processing and ready for each file, chat_message_complete
        long expected = ALBUMS * (1 + 2L * FILES_PER_ALBUM + 1);
        int half = assetIds.size() / 2;

        SocketClient first = SocketClient.withFirstFrame(nodeA.socketUrl(), token(SENDER), 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.events().size() >= ALBUMS);
        CompletableFuture<Void> firstHalf = completeAll(assetIds.subList(0, half));
        await().atMost(Duration.ofSeconds(20)).until(() -> first.events().size() >= ALBUMS + 10);
        first.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.closed);
        long since = Received.lastSeq(first);
        firstHalf.get();
        completeAll(assetIds.subList(half, assetIds.size())).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> messageIds.stream().allMatch(id ->
                Albums.message(nodeB, SENDER, id).get("complete").asBoolean()));

        try (SocketClient second = SocketClient.withFirstFrame(nodeB.socketUrl(), token(SENDER), since)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> Received.lastSeq(second) >= expected);
            assertThat(Received.readyLastSeq(second)).isEqualTo(expected);
            assertThat(since).as("the first socket closed before the burst ended").isLessThan(expected);
            assertThat(Received.seqs(first)).as("before the drop").isEqualTo(Received.range(1, since));
            assertThat(Received.seqs(second)).as("after the reconnect").isEqualTo(Received.range(since + 1, expected));

            List<JsonNode> everything = new ArrayList<>(first.events());
            everything.addAll(second.events());
            for (long assetId : assetIds) {
                assertThat(everything.stream()
                        .filter(event -> event.get("type").asText().equals(Received.UPDATE))
                        .filter(event -> event.get("data").get("asset_id").asLong() == assetId)
                        .map(event -> event.get("data").get("stage").asText()))
                        .as("asset %d", assetId).containsExactly("processing", "ready");
            }
            assertThat(everything).filteredOn(event -> event.get("type").asText().equals(Received.COMPLETE))
                    .extracting(event -> event.get("data").get("message_id").asLong())
                    .containsExactlyInAnyOrderElementsOf(messageIds);
        }
    }

    /** Completes the uploads four at a time, half on each node. */
    private CompletableFuture<Void> completeAll(List<Long> assets) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            RunningMosaic node = i % 2 == 0 ? nodeA : nodeB;
            long assetId = assets.get(i);
            all.add(CompletableFuture.runAsync(() -> {
                HttpResponse<String> completed = Albums.complete(node, SENDER, assetId);
                assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
            }, clients));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }
}
