package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.adapters.persistence.PersistenceSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A database or a store that goes away is a 503 with Retry-After, and {@code /health} names the part. */
class OutageTest {

    static final String ALBUM = """
            {"receiver_id": 42, "attachments": [
              {"file_name": "a.jpg", "file_size": 1000, "content_type": "image/jpeg", "kind": "image"},
              {"file_name": "v.mp4", "file_size": 15000000, "content_type": "video/mp4", "kind": "video"}]}""";

    @TempDir
    Path dataDir;

    @Test
    void aStoppedDatabaseIsA503AndHealthSaysTheDatabaseIsDown() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        RunningMosaic server;
        try {
            server = new RunningMosaic(dataDir, Map.of("MOSAIC_DB_URL",
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "MOSAIC_DB_USER", "postgres", "MOSAIC_DB_PASSWORD", "postgres"));
            assertThat(server.post("/api/v1/files/upload/", 1, ALBUM).statusCode()).isEqualTo(201);
        } finally {
            postgres.close();
        }
        try (server) {
            assertUnavailable(server.post("/api/v1/files/upload/", 1, ALBUM), "database");
            assertUnavailable(server.get("/api/v1/messages/1", 1), "database");
            assertPartDown(server, "database", "storage");
        }
    }

    /**
     * Another transaction holds the receiver's event counter past H2's lock timeout: the database is busy, not broken.
     * The album is a 503 with Retry-After, nothing logs ERROR, and the same album a moment later is created.
     */
    @Test
    void aCounterHeldPastTheLockTimeoutIsA503NotAnError() throws Exception {
        String url = PersistenceSettings.h2File(dataDir).jdbcUrl() + ";LOCK_TIMEOUT=300";
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (RunningMosaic server = new RunningMosaic(dataDir, Map.of("MOSAIC_DB_URL", url))) {
            assertThat(server.post("/api/v1/files/upload/", 1, ALBUM).statusCode()).isEqualTo(201);
            try (Connection holder = DriverManager.getConnection(url, "sa", "");
                    Statement advance = holder.createStatement()) {
                holder.setAutoCommit(false);
                assertThat(advance.executeUpdate("UPDATE event_counters SET last_seq = last_seq + 1 WHERE user_id = 42"))
                        .isEqualTo(1);

                HttpResponse<String> busy = server.post("/api/v1/files/upload/", 1, ALBUM);
                holder.rollback();
                assertUnavailable(busy, "database");
            }
            assertThat(server.post("/api/v1/files/upload/", 1, ALBUM).statusCode()).isEqualTo(201);
        } finally {
            root.detachAppender(logged);
        }
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.ERROR)
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).anyMatch(line -> line.contains("database unavailable"));
    }

    @Test
    void anUnreachableStoreIsA503AndHealthSaysTheStorageIsDown() throws Exception {
        RunningMosaic server;
        try (S3Bucket bucket = S3Bucket.start("outage")) {
            server = new RunningMosaic(dataDir, bucket.environment());
        }
        try (server) {
            HttpResponse<String> refused = server.post("/api/v1/files/upload/", 1, ALBUM);
            assertUnavailable(refused, "storage");
            assertThat(json(server.get("/api/v1/conversations/42/messages", 1)).path("messages")).isEmpty();
            assertPartDown(server, "storage", "database");
        }
    }

    private static void assertUnavailable(HttpResponse<String> response, String part) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = json(response);
        assertThat(problem.path("code").asText()).isEqualTo("service_unavailable");
        assertThat(problem.path("detail").asText()).contains(part);
    }

    private static void assertPartDown(RunningMosaic server, String down, String up) {
        HttpResponse<String> health = server.send(HttpRequest.newBuilder(server.url("/health")).GET().build());
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(health).path("checks").path(down).asText()).isEqualTo("down");
        assertThat(json(health).path("checks").path(up).asText()).isEqualTo("up");
    }
}
