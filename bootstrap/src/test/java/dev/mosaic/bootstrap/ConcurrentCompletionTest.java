package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client retrying a slow completion, or ten racing: every answer is 200, with one job and one set of events. */
class ConcurrentCompletionTest {

    @TempDir
    Path dataDir;

    @Test
    void tenConcurrentCompletionsOfOneMultipartUploadAllAnswer200() throws Exception {
        try (RunningMosaic server = new RunningMosaic(dataDir)) {
            JsonNode upload = json(server.post("/api/v1/files/upload/", 1, """
                    {"receiver_id": 42, "attachments": [{"file_name": "big.pdf", "file_size": 16000000,
                      "content_type": "application/pdf", "kind": "file"}]}""")).get("uploads").get(0);
            byte[] file = new byte[16_000_000];
            byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(magic, 0, file, 0, magic.length);
            StringBuilder parts = new StringBuilder();
            int offset = 0;
            for (JsonNode item : upload.get("batch").get("items")) {
                int size = item.get("size").asInt();
                HttpResponse<String> put = server.send(HttpRequest.newBuilder(URI.create(item.get("url").asText()))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(file, offset, size)).build());
                offset += size;
                parts.append(parts.length() == 0 ? "" : ",").append("{\"PartNumber\": ")
                        .append(item.get("part_number").asInt()).append(", \"ETag\": ")
                        .append(RunningMosaic.JSON.writeValueAsString(put.headers().firstValue("ETag").orElseThrow()))
                        .append('}');
            }
            String completion = "{\"object_key\": \"" + upload.get("object_key").asText() + "\", \"upload_id\": \""
                    + upload.get("upload_id").asText() + "\", \"parts\": [" + parts + "]}";

            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return server.post("/api/v1/files/upload/complete/", 1, completion);
                }));
            }
            start.countDown();

            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(json(response).path("stage").asText()).isIn("processing", "ready");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> json(server.get("/api/v1/messages/"
                    + json(answers.get(0).get()).path("message_id").asLong(), 1)).path("assets").get(0)
                    .path("stage").asText().equals("ready"));
            try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("mosaic")
                    + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "")) {
                // the only asset of this node: one "processing" update for its sender, not one per completion
                assertThat(stageChanges(db, "PROCESSING")).isEqualTo(1);
                // one job: the asset became ready once
                assertThat(stageChanges(db, "READY")).isEqualTo(1);
            }
        }
    }

    /** How many logged changes of the asset, for its sender, moved it to this stage. */
    private static long stageChanges(Connection db, String stage) throws Exception {
        return count(db, "SELECT COUNT(*) FROM events WHERE recipient_id = 1 AND event_type = 'asset_changed'"
                + " AND UPPER(payload) LIKE '%\"STAGE\":\"" + stage + "\"%'");
    }

    private static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
