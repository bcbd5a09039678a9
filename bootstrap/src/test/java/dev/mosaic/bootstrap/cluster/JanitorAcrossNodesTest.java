package dev.mosaic.bootstrap.cluster;

import static dev.mosaic.bootstrap.RunningMosaic.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.bootstrap.RunningMosaic;
import dev.mosaic.bootstrap.SocketClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes run the janitor; uploads never completed expire once, with one event each, and their bytes go. */
class JanitorAcrossNodesTest {
    static final long SENDER = 1;
    static final long RECEIVER = 42;
    static final Duration EXPIRY = Duration.ofSeconds(3);
    static final Duration JANITOR_EVERY = Duration.ofSeconds(1);

    @TempDir
    Path dataDir;
    @AutoClose
    Cluster cluster;
    RunningMosaic nodeA;
    RunningMosaic nodeB;

    @BeforeEach
    void start() {
        cluster = new Cluster(dataDir, Map.of("MOSAIC_UPLOAD_EXPIRY", EXPIRY.toString(),
                "MOSAIC_JANITOR_EVERY", JANITOR_EVERY.toString()));
        nodeA = cluster.node("all");
        nodeB = cluster.node("all");
    }

    @Test
    void uploadsNeverCompletedExpireOnceWithOneEventEachWhileTwoNodesRunTheJanitor() throws Exception {
        byte[] pdf = ClusterFiles.pdf(2_000);
        byte[] big = ClusterFiles.pdf(12 * 1024 * 1024);
        try (SocketClient sender = SocketClient.withFirstFrame(nodeA.socketUrl(), token(SENDER), 0);
             SocketClient receiver = SocketClient.withFirstFrame(nodeB.socketUrl(), token(RECEIVER), 0)) {
            JsonNode album = Albums.send(nodeA, SENDER, Albums.album(RECEIVER, "some never arrive", List.of(
                    Albums.pdf("sent.pdf", pdf.length), Albums.pdf("never-put.pdf", pdf.length),
                    Albums.pdf("put-not-completed.pdf", pdf.length), Albums.pdf("half-multipart.pdf", big.length))));
            long messageId = album.get("message_id").asLong();
            JsonNode uploads = album.get("uploads");
            Albums.put(nodeB, uploads.get(0), pdf, Albums.PDF);
            HttpResponse<String> completed = Albums.complete(nodeB, SENDER, uploads.get(0).get("asset_id").asLong());
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
            Albums.put(nodeA, uploads.get(2), pdf, Albums.PDF);
            JsonNode multipart = uploads.get(3);
            Albums.putPart(nodeB, multipart.get("batch").get("items").get(0), big, 0);
            Path objects = dataDir.resolve("objects");
            Path putNotCompleted = objects.resolve(uploads.get(2).get("object_key").asText());
            Path partsSoFar = objects.resolve(".uploads").resolve(multipart.get("upload_id").asText());
            assertThat(putNotCompleted).exists();
            assertThat(partsSoFar).exists();

            await().atMost(Duration.ofSeconds(20)).until(() -> Albums.stages(nodeA, SENDER, messageId)
                    .equals(List.of("ready", "expired", "expired", "expired")));
            long seen = System.currentTimeMillis();
            // a janitor pass that began after everything had expired: one that could only find nothing to do
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    cluster.database.janitorHeldUntilMillis() > seen + 3 * JANITOR_EVERY.toMillis());
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    Received.ofType(sender, Received.COMPLETE).size() == 1
                            && Received.ofType(receiver, Received.COMPLETE).size() == 1);

            for (SocketClient socket : List.of(sender, receiver)) {
                assertThat(Received.stagesOf(socket, uploads.get(0).get("asset_id").asLong()))
                        .containsExactly("processing", "ready");
                for (int i = 1; i < 4; i++) {
                    assertThat(Received.stagesOf(socket, uploads.get(i).get("asset_id").asLong()))
                            .as("events of %s", uploads.get(i).get("object_key")).containsExactly("expired");
                }
                // chat_message, processing, ready, 3 × expired, chat_message_complete
                assertThat(Received.seqs(socket)).isEqualTo(Received.range(1, 7));
            }
            assertThat(putNotCompleted).doesNotExist();
            assertThat(partsSoFar).doesNotExist();
            HttpResponse<String> late = Albums.complete(nodeA, SENDER, uploads.get(2).get("asset_id").asLong());
            assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        }
    }
}
