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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker process dies by SIGKILL in the middle of a job: no shutdown hook, no rollback it could run,
 * its lease simply runs out. Another node takes the job again and finishes it.
 */
class WorkerCrashTest {
    static final long SENDER = 1;
    static final long RECEIVER = 42;
    static final int SIGKILLED = 128 + 9;
    static final Map<String, String> SHORT_LEASE = Map.of("MOSAIC_JOB_LEASE", "PT3S", "MOSAIC_WORKERS", "1");

    @TempDir
    Path dataDir;
    @TempDir
    Path logs;
    Cluster cluster;
    RunningMosaic api;
    WorkerProcess worker;

    @BeforeEach
    void start() {
        cluster = new Cluster(dataDir, SHORT_LEASE);
        api = cluster.node("api");
        worker = WorkerProcess.start(cluster.environment("worker", Map.of()), logs.resolve("worker.log"));
    }

    @AfterEach
    void stop() {
        worker.close();
        cluster.close();
    }

    @Test
    void aWorkerKilledMidJobLeavesTheJobToAnotherNodeAndTheAssetIsReadyOnce() throws Exception {
        byte[] photo = ClusterFiles.bigProgressiveJpeg();
        try (SocketClient sender = SocketClient.withFirstFrame(api.socketUrl(), token(SENDER), 0);
             SocketClient receiver = SocketClient.withFirstFrame(api.socketUrl(), token(RECEIVER), 0)) {
            JsonNode album = Albums.send(api, SENDER, Albums.album(RECEIVER, "48 megapixels",
                    List.of(Albums.jpeg("huge.jpg", photo.length))));
            long messageId = album.get("message_id").asLong();
            long assetId = album.get("uploads").get(0).get("asset_id").asLong();
            Albums.put(api, album.get("uploads").get(0), photo, Albums.JPEG);
            HttpResponse<String> completed = Albums.complete(api, SENDER, assetId);
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

            String workerName = "worker-" + worker.pid() + "-";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
                assertThat(worker.isAlive()).as("the worker process runs: %s", worker.output()).isTrue();
                return cluster.database.jobsOf(assetId).stream().flatMap(Optional::stream)
                        .anyMatch(holder -> holder.startsWith(workerName));
            });
            assertThat(worker.killHard()).as("killed by SIGKILL").isEqualTo(SIGKILLED);

            assertThat(cluster.database.jobsOf(assetId)).as("the job outlived its worker, unfinished")
                    .hasSize(1).allSatisfy(holder -> assertThat(holder).hasValueSatisfying(name ->
                            assertThat(name).startsWith(workerName)));
            assertThat(Albums.stages(api, SENDER, messageId)).containsAnyOf("processing", "thumbnail_ready");

            cluster.node("worker");
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Albums.stages(api, SENDER, messageId).equals(List.of("ready")));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    !Received.ofType(sender, Received.COMPLETE).isEmpty()
                            && !Received.ofType(receiver, Received.COMPLETE).isEmpty());

            assertThat(cluster.database.jobsOf(assetId)).as("the job is done").isEmpty();
            for (SocketClient socket : List.of(sender, receiver)) {
                List<String> stages = Received.stagesOf(socket, assetId);
                assertThat(stages).as("stages told to %s", socket.frames).startsWith("processing").endsWith("ready");
                assertThat(Collections.frequency(stages, "processing")).isEqualTo(1);
                assertThat(Collections.frequency(stages, "ready")).isEqualTo(1);
                // the killed worker may have told of a thumbnail already; the new run makes it again
                assertThat(stages.subList(1, stages.size() - 1)).containsOnly("thumbnail_ready");
                assertThat(Received.ofType(socket, Received.COMPLETE)).hasSize(1);
                assertThat(Received.seqs(socket)).isEqualTo(Received.range(1, Received.lastSeq(socket)));
            }
            JsonNode asset = Albums.message(api, RECEIVER, messageId).get("assets").get(0);
            assertThat(asset.get("width").asInt()).isEqualTo(8000);
            assertThat(Albums.download(api, asset.get("thumbnail_url").asText()).statusCode()).isEqualTo(200);
        }
    }
}
