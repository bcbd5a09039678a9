package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageRoutesTest {

    private static final String OBJECT = "/storage/raw/1/501/beach.jpg?signature=good&expires=123";

    @TempDir
    Path folder;
    private RecordingStorage storage;
    private TestApi api;

    private void start() {
        storage = new RecordingStorage(folder);
        StubUseCases stubs = new StubUseCases();
        stubs.signedUrls = storage;
        api = TestApi.start(stubs, settings -> settings.withAllowedOrigins(List.of("https://chat.test")), List.of());
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void putStreamsABodyFarOverTheJsonLimitAndAnswersItsEtag() throws Exception {
        start();
        byte[] file = new byte[5 * 1024 * 1024 + 17];
        new Random(7).nextBytes(file);

        HttpResponse<String> response = api.send(api.request(OBJECT).header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file));
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + md5 + "\"");
        assertThat(storage.bytesReceived).isEqualTo(file.length);
        assertThat(storage.lastContentLength).isEqualTo(file.length);
        assertThat(storage.lastContentType).isEqualTo("image/jpeg");
        assertThat(storage.lastPath).isEqualTo("raw/1/501/beach.jpg");
    }

    @Test
    void putWithoutContentLengthStreamsToo() {
        start();
        byte[] file = new byte[3 * 1024 * 1024];
        HttpResponse<String> response = api.send(api.request(OBJECT).header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(file)))
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(storage.bytesReceived).isEqualTo(file.length);
        assertThat(storage.lastContentLength).isEqualTo(-1);
    }

    @Test
    void badSignatureIsForbiddenWithoutABearerToken() {
        start();
        HttpResponse<String> response = api.send(api.request("/storage/raw/1/501/beach.jpg?signature=bad")
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build());

        JsonAssert.problem(response, 403, "signature_invalid");
    }

    @Test
    void getServesTheFileInlineWithSafeHeaders() throws Exception {
        start();
        byte[] file = upload();

        HttpResponse<byte[]> response = download(OBJECT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(file);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(file.length));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=3600");
    }

    @Test
    void getOfADownloadNamesTheFileInUtf8() throws Exception {
        start();
        upload();
        storage.attachmentName = Optional.of("Strand ☀ \"2025\".jpg");

        HttpResponse<byte[]> response = download(OBJECT);

        assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Strand _ _2025_.jpg\"; filename*=UTF-8''Strand%20%E2%98%80%20%222025%22.jpg");
    }

    @Test
    void aSendersFileDeclaredAsAPageIsNeverServedAsOne() throws Exception {
        start();
        upload();
        storage.attachmentName = Optional.of("invite.html");
        storage.declaredType = "text/html";

        HttpResponse<byte[]> response = download(OBJECT);

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("sandbox; default-src 'none'");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/x-javascript", "text/css",
        "text/x-javascript", "text/html", "image/svg+xml", "application/zip", "not a type"})
    void onlyAllowlistedTypesAreServedAsThemselves(String declared) throws Exception {
        start();
        upload();
        storage.attachmentName = Optional.of("file.bin");
        storage.declaredType = declared;

        HttpResponse<byte[]> response = download(OBJECT);

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/pdf", "text/plain", "audio/mpeg",
        "video/webm", "image/png"})
    void displayableTypesAreServedAsThemselves(String declared) throws Exception {
        start();
        upload();
        storage.attachmentName = Optional.of("file.bin");
        storage.declaredType = declared;

        assertThat(download(OBJECT).headers().firstValue("Content-Type")).hasValue(declared);
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() throws Exception {
        start();
        byte[] file = upload();

        HttpResponse<byte[]> response = api.sendBytes(api.request(OBJECT)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(file.length));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void missingObjectIsNotFound() {
        start();
        HttpResponse<String> response = api.send(api.request(OBJECT).GET().build());

        JsonAssert.problem(response, 404, "object_not_found");
    }

    @Test
    void browserPutIsPreflightedAndMayReadTheEtag() throws IOException {
        start();
        HttpResponse<String> preflight = api.send(api.request(OBJECT).header("Origin", "https://chat.test")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://chat.test");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("PUT"));

        HttpResponse<String> put = api.send(api.request(OBJECT).header("Origin", "https://chat.test")
                .PUT(HttpRequest.BodyPublishers.ofString("bytes")).build());
        assertThat(put.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed).contains("ETag"));
        assertThat(put.headers().firstValue("ETag")).isPresent();
    }

    private byte[] upload() throws IOException {
        byte[] file = new byte[200_000];
        new Random(3).nextBytes(file);
        api.send(api.request(OBJECT).PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build());
        try (InputStream stored = Files.newInputStream(folder.resolve("raw_1_501_beach.jpg"))) {
            assertThat(stored.readAllBytes()).isEqualTo(file);
        }
        return file;
    }

    private HttpResponse<byte[]> download(String path) {
        return api.sendBytes(api.request(path).header("Accept-Encoding", "gzip").GET().build());
    }
}
