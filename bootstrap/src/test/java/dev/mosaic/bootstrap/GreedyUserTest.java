package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One user's burst of 400 albums meets the rate limit; another user is served as usual. */
class GreedyUserTest {

    static final String ALBUM = """
            {"receiver_id": 2, "attachments": [{"file_name": "a.pdf", "file_size": 10,
             "content_type": "application/pdf", "kind": "file"}]}""";

    @TempDir
    Path dataDir;

    @Test
    void aBurstOf400AlbumsMeets429WithRetryAfterAndAnotherUserIsUnaffected() throws Exception {
        try (RunningMosaic server = new RunningMosaic(dataDir, Map.of(
                "MOSAIC_RATE_USER_BURST", "50", "MOSAIC_RATE_USER_PER_SECOND", "1",
                "MOSAIC_QUOTA_PENDING_UPLOADS", "1000", "MOSAIC_QUOTA_ALBUMS_PER_DAY", "1000"))) {
            ExecutorService burst = Executors.newFixedThreadPool(8);
            List<HttpResponse<String>> answers;
            try {
                List<Future<HttpResponse<String>>> sent = IntStream.range(0, 400)
                        .mapToObj(i -> burst.submit(() -> server.post("/api/v1/files/upload/", 1, ALBUM))).toList();
                answers = new java.util.ArrayList<>();
                for (Future<HttpResponse<String>> answer : sent) {
                    answers.add(answer.get());
                }
            } finally {
                burst.shutdownNow();
            }

            List<HttpResponse<String>> limited = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(201, 429));
            assertThat(answers.size() - limited.size()).isBetween(50, 200);
            assertThat(limited).allSatisfy(answer -> {
                assertThat(json(answer).path("code").asText()).isEqualTo("rate_limited");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            });
            assertThat(server.post("/api/v1/files/upload/", 3, ALBUM).statusCode()).isEqualTo(201);
            assertThat(server.send(java.net.http.HttpRequest.newBuilder(server.url("/metrics")).build()).body())
                    .contains("mosaic_refused_total{reason=\"rate_limited\"} " + limited.size() + ".0");
        }
    }
}
