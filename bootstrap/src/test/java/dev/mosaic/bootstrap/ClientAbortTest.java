package dev.mosaic.bootstrap;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload the client cancels mid-PUT (Uppy's cancel, a closed tab) is the client's doing: no 500, no leftovers. */
class ClientAbortTest {

    @TempDir
    Path dataDir;

    @Test
    void aPutCutOffMidBodyLeavesNoFileAndIsCountedAsAbandoned() throws Exception {
        try (RunningMosaic server = new RunningMosaic(dataDir)) {
            JsonNode upload = json(server.post("/api/v1/files/upload/", 1, """
                    {"receiver_id": 42, "attachments": [
                      {"file_name": "a.jpg", "file_size": 100000, "content_type": "image/jpeg", "kind": "image"}]}"""))
                    .get("uploads").get(0);
            URI url = URI.create(upload.get("put_url").asText());

            try (Socket socket = new Socket("localhost", server.mosaic.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: image/jpeg\r\nContent-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[20_000]);
                out.flush();
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> metrics(server)
                    .contains("mosaic_http_bodies_abandoned_total{reason=\"aborted\"} 1.0"));
            assertThat(metrics(server)).doesNotContain("status=\"500\"");
            assertThat(filesUnder(dataDir.resolve("objects"))).isZero();
        }
    }

    private static String metrics(RunningMosaic server) {
        return server.send(HttpRequest.newBuilder(server.url("/metrics")).GET().build()).body();
    }

    private static long filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
