package dev.mosaic.bootstrap.cluster;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.bootstrap.RunningMosaic;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's quota of pending uploads is counted from the shared database: what was sent through node A counts on
 * node B, and cancelling on B makes room on A.
 */
class QuotaAcrossNodesTest {
    static final long SENDER = 1;

    @TempDir
    Path dataDir;

    static String files(int count) {
        String file = "{\"file_name\": \"a.pdf\", \"file_size\": 100, \"content_type\": \"application/pdf\","
                + " \"kind\": \"file\"}";
        return "{\"receiver_id\": 42, \"attachments\": [" + String.join(",", java.util.Collections.nCopies(count, file))
                + "]}";
    }

    @Test
    void pendingUploadsCountOnEveryNode() {
        try (Cluster cluster = new Cluster(dataDir, Map.of("MOSAIC_QUOTA_PENDING_UPLOADS", "3"))) {
            RunningMosaic nodeA = cluster.node("api");
            RunningMosaic nodeB = cluster.node("api");

            assertThat(nodeA.post("/api/v1/files/upload/", SENDER, files(2)).statusCode()).isEqualTo(201);
            HttpResponse<String> refused = nodeB.post("/api/v1/files/upload/", SENDER, files(2));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(json(refused).path("code").asText()).isEqualTo("quota_exceeded");
            assertThat(json(refused).path("detail").asText()).contains("pending_uploads", "at most 3");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            JsonNode third = json(nodeB.post("/api/v1/files/upload/", SENDER, files(1)));
            assertThat(nodeA.post("/api/v1/files/upload/", SENDER, files(1)).statusCode()).isEqualTo(429);

            assertThat(nodeB.post("/api/v1/files/upload/abort/", SENDER,
                    "{\"asset_id\": " + third.get("uploads").get(0).get("asset_id").asLong() + "}").statusCode())
                    .isEqualTo(200);
            assertThat(nodeA.post("/api/v1/files/upload/", SENDER, files(1)).statusCode()).isEqualTo(201);
            assertThat(nodeA.post("/api/v1/files/upload/", 2, files(3)).statusCode()).isEqualTo(201);
        }
    }
}
