package dev.mosaic.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.bootstrap.RunningMosaic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The HTTP API of a running node under a fuzzer: bodies of the four upload calls, the
 * {@code Authorization}, {@code Idempotency-Key} and {@code Content-Type} headers, paths and queries
 * of signed storage URLs, malformed HTTP and WebSocket client frames. Whatever arrives, the answer is
 * never a 5xx, every 4xx is problem+json with a code, and a refused batch request leaves no message
 * and no multipart upload behind.
 *
 * <p>A normal build replays the committed inputs under {@code src/test/resources}; the README shows
 * the command that fuzzes for a million executions.
 */
class HttpApiFuzzTest {

    static final long SENDER = 1;
    static final AtomicLong EXECUTIONS = new AtomicLong();
    static Path dataDir;
    static FuzzNode node;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("mosaic-fuzz");
        node = new FuzzNode(new RunningMosaic(dataDir));
    }

    @AfterAll
    static void stop() throws IOException {
        System.out.println("HttpApiFuzzTest: " + EXECUTIONS.get() + " executions, " + node.requests()
                + " HTTP requests, 0 answers of 5xx");
        node.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The fuzz target: one request (or socket frame) chosen and shaped by the input, then checked. */
    static void oneRequest(FuzzedDataProvider data) {
        EXECUTIONS.incrementAndGet();
        // the test's own requests go to the node under test, and nowhere else
        try (SilentCloseable toTheNode = BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("localhost") && port == node.server().mosaic.port())) {
            oneRequestTo(data);
        }
    }

    private static void oneRequestTo(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 9)) {
            case 0 -> node.refusedAlbumLeavesNothing(data);
            case 1 -> node.api(data, "/api/v1/files/upload/complete/");
            case 2 -> node.api(data, "/api/v1/files/upload/parts/");
            case 3 -> node.api(data, "/api/v1/files/upload/abort/");
            case 4 -> node.read(data);
            case 5 -> node.storagePut(data);
            case 6 -> node.storageGet(data);
            case 7 -> node.rawHttp(data);
            case 8 -> node.socketFrame(data);
            default -> node.completeARealUpload(data);
        }
    }

    /** A short fuzz; in a normal build, the committed inputs replayed. */
    @FuzzTest(maxDuration = "90s")
    @DictionaryEntries({"receiver_id", "attachments", "file_name", "file_size", "content_type", "kind",
        "client_part_size", "client_num_parts", "object_key", "asset_id", "upload_id", "parts", "ETag",
        "PartNumber", "part_numbers", "width", "height", "duration", "placeholder", "image", "video", "file",
        "image/jpeg", "video/mp4", "application/pdf", "raw/1/", "signature", "expires", "charset=", "null",
        "auth", "token", "since", "ping", "upload_progress", "progress", "%00", "%2e%2e", "Bearer "})
    void anyRequestIsAnsweredWithoutA5xx(FuzzedDataProvider data) {
        oneRequest(data);
    }

    /** The long run of the README: a million executions (Jazzer reads its bounds only from here). */
    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "12h")
    @DictionaryEntries({"receiver_id", "attachments", "file_name", "file_size", "content_type", "kind",
        "client_part_size", "client_num_parts", "object_key", "asset_id", "upload_id", "parts", "ETag",
        "PartNumber", "part_numbers", "width", "height", "duration", "placeholder", "image", "video", "file",
        "image/jpeg", "video/mp4", "application/pdf", "raw/1/", "signature", "expires", "charset=", "null",
        "auth", "token", "since", "ping", "upload_progress", "progress", "%00", "%2e%2e", "Bearer "})
    void aMillionRequestsAreAnsweredWithoutA5xx(FuzzedDataProvider data) {
        oneRequest(data);
    }

    /** Checks one answer against the invariants. */
    static void check(Exchange.Answer answer) {
        int status = answer.status();
        assertThat(status).as("%s %s answered %s", answer.method(), answer.target(), answer.body()).isLessThan(500);
        if (status >= 400) {
            assertThat(answer.contentType()).as("%s %s", answer.method(), answer.target())
                    .startsWith("application/problem+json");
            if (answer.method().equals("HEAD")) {
                return; // the headers of the problem, and no body
            }
            JsonNode problem;
            try {
                problem = RunningMosaic.JSON.readTree(answer.body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                throw new AssertionError(answer.method() + " " + answer.target() + " answered a problem that is no JSON: "
                        + answer.body(), notJson);
            }
            assertThat(problem.path("code").asText()).isNotBlank();
            assertThat(problem.path("status").asInt()).isEqualTo(status);
        }
    }
}
