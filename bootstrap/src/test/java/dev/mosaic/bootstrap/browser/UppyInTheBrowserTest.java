package dev.mosaic.bootstrap.browser;

import static dev.mosaic.bootstrap.RunningMosaic.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mosaic.bootstrap.RunningMosaic;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Real Uppy 6 from npm ({@code @uppy/core} + {@code @uppy/aws-s3}, installed and bundled by the build) with
 * {@code mosaic-uppy.js}, on a page of another origin than Mosaic (as an app's page is): an album of a photo, a
 * 13 MB video in parts and a PDF all end ready; a fourth file cancelled mid-upload ends cancelled in Mosaic; the
 * video paused mid-upload and resumed sends no part twice.
 */
class UppyInTheBrowserTest {
    static final long SENDER = 1;
    static final long RECEIVER = 2;
    static final Path BUNDLE = Path.of("target", "uppy", "uppy.mjs");
    static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Uppy and Mosaic</title></head>
            <body><input type="file" id="files" multiple aria-label="files">
            <script type="module">
            import { Uppy, AwsS3 } from '/uppy.mjs';
            import { withMosaic } from '/mosaic-uppy.js';
            const params = new URLSearchParams(location.search);
            const uppy = new Uppy();
            const mosaic = withMosaic(uppy, { baseUrl: params.get('mosaic'), token: params.get('token'),
                album: () => ({ receiverId: 2, text: 'sent with Uppy' }) });
            uppy.use(AwsS3, mosaic.awsS3Options);
            const seen = window.seen = { album: null, errors: [], succeeded: [], cancelled: [] };
            uppy.on('mosaic:album', (album) => { seen.album = { messageId: album.messageId,
                uploads: album.uploads.map((u) => ({ asset_id: u.asset_id, mode: u.mode, name: u.file_name })) }; });
            uppy.on('upload-error', (file, error) => seen.errors.push(file.name + ': ' + error.message));
            uppy.on('upload-success', (file) => seen.succeeded.push(file.name));
            uppy.on('mosaic:cancelled', (file, asset) => seen.cancelled.push(file.name + ':' + asset.stage));
            document.getElementById('files').addEventListener('change', (event) => {
                for (const file of event.target.files) {
                    uppy.addFile({ name: file.name, type: file.type, data: file, source: 'Local' });
                }
            });
            window.fileId = (name) => uppy.getFiles().find((file) => file.name === name)?.id;
            window.progressOf = (name) => uppy.getFiles().find((file) => file.name === name)?.progress;
            window.uppy = uppy;
            window.ready = true;
            </script></body></html>
            """;

    @TempDir
    static Path samples;
    static Path photo;
    static Path video;
    static Path pdf;
    static Path cancelled;

    @TempDir
    Path dir;
    RunningMosaic mosaic;
    HttpServer pages;

    @BeforeAll
    static void makeFiles() throws IOException {
        photo = SampleFiles.jpeg(samples, "beach.jpg");
        video = SampleFiles.mp4(samples, "party.mp4", 6);
        pdf = SampleFiles.pdf(samples, "itinerary.pdf");
        cancelled = SampleFiles.mp4(samples, "outtake.mp4", 3);
        assertThat(Files.size(video)).as("a video of three parts").isBetween(10L * 1024 * 1024 + 1, 15L * 1024 * 1024);
    }

    @BeforeEach
    void start() throws IOException {
        assertThat(BUNDLE).as("the build installs and bundles Uppy (npm ci, esbuild) before the tests").exists();
        mosaic = new RunningMosaic(Files.createDirectories(dir.resolve("data")));
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", this::serve);
        pages.start();
    }

    @AfterEach
    void stop() {
        pages.stop(0);
        mosaic.close();
    }

    @Test
    void anAlbumFromUppyEndsReadyWithOneFileCancelledAndThePausedVideoSendingNoPartTwice() throws Exception {
        try (ChatPage page = ChatPage.desktop("uppy", dir.resolve("profile"))) {
            page.visit(URI.create("http://127.0.0.1:" + pages.getAddress().getPort() + "/?mosaic="
                    + URLEncoder.encode("http://localhost:" + mosaic.mosaic.port(), StandardCharsets.UTF_8)
                    + "&token=" + RunningMosaic.token(SENDER)));
            await("Uppy is loaded").atMost(Duration.ofSeconds(10)).until(() ->
                    Boolean.TRUE.equals(page.driver.executeScript("return window.ready === true;")));
            page.driver.findElement(By.id("files")).sendKeys(List.of(photo, video, pdf, cancelled).stream()
                    .map(file -> file.toAbsolutePath().toString()).collect(Collectors.joining("\n")));
            page.limitUploads(2_000_000);
            page.driver.executeScript("window.uppy.upload().then((result) => { window.result = "
                    + "{ successful: result.successful.length, failed: result.failed.length }; });");

            await("the album is sent").atMost(Duration.ofSeconds(10)).until(() -> album(page) != null);
            long videoAsset = assetOf(page, "party.mp4");
            long cancelledAsset = assetOf(page, "outtake.mp4");
            await("the outtake is on its way").atMost(Duration.ofSeconds(30)).until(() ->
                    bytesUploaded(page, "outtake.mp4") > 0);
            page.driver.executeScript("window.uppy.removeFile(window.fileId('outtake.mp4'));");

            await("a first part of the video is stored").atMost(Duration.ofSeconds(60)).until(() ->
                    !storedParts(page, videoAsset).isEmpty());
            page.driver.executeScript("window.uppy.pauseResume(window.fileId('party.mp4'));");
            List<Integer> beforePause = storedParts(page, videoAsset);
            Thread.sleep(1500);
            page.driver.executeScript("window.uppy.pauseResume(window.fileId('party.mp4'));");
            page.limitUploads(-1);

            await("Uppy is done").atMost(Duration.ofSeconds(120)).until(() ->
                    page.driver.executeScript("return window.result;") != null);
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) page.driver.executeScript("return window.result;");
            assertThat(page.driver.executeScript("return window.seen.errors;")).asList().isEmpty();
            assertThat(((Number) result.get("successful")).intValue()).isEqualTo(3);

            List<Integer> parts = storedParts(page, videoAsset);
            assertThat(beforePause).isNotEmpty().hasSizeLessThan(3);
            assertThat(parts).as("every part stored once: %s", parts).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(page.uploads()).as("after the resume, Uppy asked Mosaic which parts it holds")
                    .anySatisfy(request -> assertThat(String.valueOf(request.get("url")))
                            .contains("/api/v1/files/upload/s3/" + videoAsset + "/parts"));
            assertThat(modes(page)).containsExactly("direct", "multipart", "direct", "multipart");

            long messageId = ((Number) album(page).get("messageId")).longValue();
            await("Mosaic has every cell settled").atMost(Duration.ofSeconds(120)).until(() ->
                    stages(messageId).equals(List.of("ready", "ready", "ready", "cancelled")));
            assertThat(page.driver.executeScript("return window.seen.cancelled;")).asList()
                    .containsExactly("outtake.mp4:cancelled");
            JsonNode message = json(mosaic.get("/api/v1/messages/" + messageId, RECEIVER));
            assertThat(download(message.get("assets").get(1))).isEqualTo(Files.readAllBytes(video));
            assertThat(download(message.get("assets").get(2))).isEqualTo(Files.readAllBytes(pdf));
            assertThat(mosaic.mosaic.port()).isPositive();
            assertThat(cancelledAsset).isPositive();
        }
    }

    private List<String> stages(long messageId) {
        JsonNode message = json(mosaic.get("/api/v1/messages/" + messageId, SENDER));
        return message.get("assets").findValuesAsText("stage");
    }

    private byte[] download(JsonNode asset) throws Exception {
        HttpResponse<byte[]> answer = mosaic.client.send(HttpRequest.newBuilder(
                URI.create(asset.get("download_url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> album(ChatPage page) {
        return (Map<String, Object>) page.driver.executeScript("return window.seen.album;");
    }

    @SuppressWarnings("unchecked")
    private static List<String> modes(ChatPage page) {
        return ((List<Map<String, Object>>) album(page).get("uploads")).stream()
                .map(upload -> String.valueOf(upload.get("mode"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static long assetOf(ChatPage page, String name) {
        return ((List<Map<String, Object>>) album(page).get("uploads")).stream()
                .filter(upload -> name.equals(upload.get("name")))
                .mapToLong(upload -> ((Number) upload.get("asset_id")).longValue()).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static long bytesUploaded(ChatPage page, String name) {
        Object progress = page.driver.executeScript("return window.progressOf(arguments[0]);", name);
        Object bytes = progress == null ? null : ((Map<String, Object>) progress).get("bytesUploaded");
        return bytes instanceof Number number ? number.longValue() : 0;
    }

    /** The part numbers of the asset whose PUT storage answered 200, in the order they were stored. */
    private static List<Integer> storedParts(ChatPage page, long assetId) {
        return page.uploads().stream()
                .filter(request -> "PUT".equals(request.get("method")))
                .filter(request -> ((Number) request.get("status")).intValue() == 200)
                .map(request -> String.valueOf(request.get("url")))
                .filter(url -> url.contains("/" + assetId + "/") && url.contains("part_number="))
                .map(url -> Integer.parseInt(url.replaceAll(".*[?&]part_number=(\\d+).*", "$1")))
                .toList();
    }

    /** The test page, the Uppy bundle, and Mosaic's web client files (mosaic-uppy.js and its modules). */
    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        String type = "text/javascript; charset=utf-8";
        if (path.equals("/")) {
            body = PAGE.getBytes(StandardCharsets.UTF_8);
            type = "text/html; charset=utf-8";
        } else if (path.equals("/uppy.mjs")) {
            body = Files.readAllBytes(BUNDLE);
        } else {
            try (InputStream in = path.contains("..") ? null : getClass().getResourceAsStream("/web" + path)) {
                body = in == null ? null : in.readAllBytes();
            }
        }
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
