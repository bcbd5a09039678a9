package dev.mosaic.bootstrap.cluster;

import static dev.mosaic.bootstrap.RunningMosaic.json;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests racing on two API nodes over one PostgreSQL: the database decides, once. */
class ConcurrencyAcrossNodesTest {
    static final long SENDER = 1;
    static final long RECEIVER = 42;

    @TempDir
    Path dataDir;
    Cluster cluster;
    RunningMosaic nodeA;
    RunningMosaic nodeB;
    ExecutorService clients = Executors.newFixedThreadPool(20);

    @BeforeEach
    void start() {
        cluster = new Cluster(dataDir);
        nodeA = cluster.node("api");
        nodeB = cluster.node("api");
    }

    @AfterEach
    void stop() {
        clients.shutdownNow();
        cluster.close();
    }

    @Test
    void tenSimultaneousCompletionsOfOneAssetOnTwoNodesMakeOneJobAndOneEventSequence() throws Exception {
        byte[] pdf = ClusterFiles.pdf(5_000);
        JsonNode album = Albums.send(nodeA, SENDER, Albums.album(RECEIVER, "one file",
                List.of(Albums.pdf("contract.pdf", pdf.length))));
        long messageId = album.get("message_id").asLong();
        long assetId = album.get("uploads").get(0).get("asset_id").asLong();
        Albums.put(nodeB, album.get("uploads").get(0), pdf, Albums.PDF);

        List<HttpResponse<String>> answers = all(10, i -> () ->
                Albums.complete(i % 2 == 0 ? nodeA : nodeB, SENDER, assetId));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(json(answer).get("stage").asText()).isEqualTo("processing");
        });
        assertThat(cluster.database.jobsOf(assetId)).as("jobs of the asset, no worker running yet")
                .containsExactly(Optional.empty());

        cluster.node("worker");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Albums.message(nodeA, SENDER, messageId).get("complete").asBoolean());
        assertThat(cluster.database.jobsOf(assetId)).as("the job is done").isEmpty();
        try (SocketClient sender = SocketClient.withFirstFrame(nodeA.socketUrl(), token(SENDER), 0);
             SocketClient receiver = SocketClient.withFirstFrame(nodeB.socketUrl(), token(RECEIVER), 0)) {
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    sender.events().size() >= 4 && receiver.events().size() >= 4);
            for (SocketClient socket : List.of(sender, receiver)) {
                assertThat(Received.readyLastSeq(socket)).isEqualTo(4);
                assertThat(Received.seqs(socket)).isEqualTo(Received.range(1, 4));
                assertThat(Received.stagesOf(socket, assetId)).containsExactly("processing", "ready");
                assertThat(Received.ofType(socket, Received.COMPLETE)).hasSize(1);
            }
        }
    }

    @Test
    void twentySimultaneousAlbumsFromOneUserOnTwoNodesGetDistinctGapFreeSequenceNumbers() throws Exception {
        List<HttpResponse<String>> answers = all(20, i -> () -> (i % 2 == 0 ? nodeA : nodeB).post(
                "/api/v1/files/upload/", SENDER, Albums.album(RECEIVER, "album " + i,
                        List.of(Albums.pdf("page-" + i + ".pdf", 1_000)))));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        List<Long> messageIds = answers.stream().map(answer -> json(answer).get("message_id").asLong()).toList();
        assertThat(messageIds).doesNotHaveDuplicates();
        try (SocketClient sender = SocketClient.withFirstFrame(nodeA.socketUrl(), token(SENDER), 0);
             SocketClient receiver = SocketClient.withFirstFrame(nodeB.socketUrl(), token(RECEIVER), 0)) {
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    sender.events().size() >= 20 && receiver.events().size() >= 20);
            for (SocketClient socket : List.of(sender, receiver)) {
                assertThat(Received.readyLastSeq(socket)).isEqualTo(20);
                assertThat(Received.seqs(socket)).isEqualTo(Received.range(1, 20));
                assertThat(Received.ofType(socket, Received.CREATED))
                        .extracting(event -> event.get("data").get("message_id").asLong())
                        .containsExactlyInAnyOrderElementsOf(messageIds);
            }
        }
    }

    /** Runs {@code count} requests at the same moment, each on its own thread; answers them in order. */
    private <T> List<T> all(int count, IntFunction<Callable<T>> request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<T> call = request.apply(i);
            pending.add(clients.submit(() -> {
                go.await();
                return call.call();
            }));
        }
        go.countDown();
        List<T> answers = new ArrayList<>();
        for (Future<T> answer : pending) {
            answers.add(answer.get());
        }
        return answers;
    }
}
