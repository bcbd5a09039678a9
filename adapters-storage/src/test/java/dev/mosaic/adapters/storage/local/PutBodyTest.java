package dev.mosaic.adapters.storage.local;

import static dev.mosaic.adapters.storage.local.SignedUrls.filesUnder;
import static dev.mosaic.adapters.storage.local.SignedUrls.pathOf;
import static dev.mosaic.adapters.storage.local.SignedUrls.queryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.ObjectStorage.StoredObject;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PutBodyTest {

    private static final ObjectKey KEY = new ObjectKey("raw/1/2/photo.jpg");
    private static final byte[] BYTES = "exactly twenty bytes".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    private LocalStorageFixture fixture;
    private URI url;

    @BeforeEach
    void start() throws IOException {
        fixture = LocalStorageFixture.on(root);
        url = signedForBytes(ContentType.JPEG);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aBodyOneByteLongerThanSignedIsRefusedOverHttp() {
        assertRefusedOverHttp(fixture.http.put(url, grown(BYTES, 1), Map.of("Content-Type", "image/jpeg")),
                400, "length_mismatch");
    }

    @Test
    void aBodyOneByteShorterThanSignedIsRefusedOverHttp() {
        assertRefusedOverHttp(fixture.http.put(url, grown(BYTES, -1), Map.of("Content-Type", "image/jpeg")),
                400, "length_mismatch");
    }

    @Test
    void aStreamedBodyWithoutLengthIsCountedAndRefusedWhenLongerOrShorter() {
        assertLengthMismatch(() -> putStreamed(grown(BYTES, 1), -1));
        assertLengthMismatch(() -> putStreamed(grown(BYTES, -1), -1));
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void aBodyLongerOrShorterThanItsOwnContentLengthIsStillRefused() {
        assertLengthMismatch(() -> putStreamed(grown(BYTES, 1), BYTES.length));
        assertLengthMismatch(() -> putStreamed(grown(BYTES, -1), BYTES.length));
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void aBodyOfTheSignedLengthIsStoredWithTheMd5Etag() throws Exception {
        String etag = putStreamed(BYTES, -1);

        assertThat(etag).isEqualTo('"' + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(BYTES)) + '"');
        assertThat(fixture.storage.stat(KEY)).contains(new StoredObject(BYTES.length, Optional.of(ContentType.JPEG)));
    }

    @Test
    void anotherContentTypeThanSignedIsRefused() {
        assertRefusedOverHttp(fixture.http.put(url, BYTES, Map.of("Content-Type", "text/html")),
                403, "content_type_mismatch");
        assertRefusedOverHttp(fixture.http.put(url, BYTES, Map.of()), 403, "content_type_mismatch");
    }

    @Test
    void theSignedContentTypeIsAcceptedInAnyCaseAndWithParameters() {
        assertThat(fixture.http.put(url, BYTES, Map.of("Content-Type", "Image/JPEG; charset=binary")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFileOfNoKnownTypeMaySendNoContentType() {
        URI untyped = signedForBytes(ContentType.OCTET_STREAM);

        assertThat(fixture.http.put(untyped, BYTES, Map.of()).statusCode()).isEqualTo(200);
        assertThat(fixture.storage.stat(KEY)).contains(
                new StoredObject(BYTES.length, Optional.of(ContentType.OCTET_STREAM)));
    }

    @Test
    void aRefusedBodyLeavesTheEarlierObjectInPlace() {
        fixture.http.put(url, BYTES, Map.of("Content-Type", "image/jpeg"));

        assertLengthMismatch(() -> putStreamed(grown(BYTES, 1), -1));

        assertThat(fixture.storage.readHead(KEY, 100)).isEqualTo(BYTES);
    }

    @Test
    void anUploadedObjectIsWrittenOnceRepeatingTheSameBytesIsFineOtherBytesAreRefused() {
        HttpResponse<byte[]> first = fixture.http.put(url, BYTES, Map.of("Content-Type", "image/jpeg"));
        HttpResponse<byte[]> again = fixture.http.put(url, BYTES, Map.of("Content-Type", "image/jpeg"));
        byte[] other = "other twenty bytes!!".getBytes(StandardCharsets.US_ASCII);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        HttpResponse<byte[]> swap = fixture.http.put(url, other, Map.of("Content-Type", "image/jpeg"));

        assertThat(swap.statusCode()).isEqualTo(409);
        assertThat(new String(swap.body(), StandardCharsets.UTF_8)).isEqualTo("object_exists");
        assertThat(fixture.storage.readHead(KEY, 100)).isEqualTo(BYTES);
        assertThat(filesUnder(root)).hasSize(2);
    }

    @Test
    void aLargeBodyIsStreamedInConstantMemory() throws Exception {
        long size = 64L * 1024 * 1024;
        URI large = fixture.storage.signPut(KEY, size, ContentType.JPEG, inAnHour()).url();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        String etag = fixture.storage.put(pathOf(large), queryOf(large), "image/jpeg", size,
                new GeneratedStream(size)).etag();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated while storing 64 MiB").isLessThan(4L * 1024 * 1024);
        assertThat(fixture.storage.stat(KEY)).contains(new StoredObject(size, Optional.of(ContentType.JPEG)));
        assertThat(etag).isEqualTo(md5Of(new GeneratedStream(size)));
    }

    private URI signedForBytes(ContentType type) {
        return fixture.storage.signPut(KEY, BYTES.length, type, inAnHour()).url();
    }

    private Instant inAnHour() {
        return fixture.clock.instant().plus(Duration.ofHours(1));
    }

    private String putStreamed(byte[] body, long contentLength) {
        return fixture.storage.put(pathOf(url), queryOf(url), "image/jpeg", contentLength,
                new ByteArrayInputStream(body)).etag();
    }

    private void assertRefusedOverHttp(HttpResponse<byte[]> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(code);
        assertThat(fixture.storage.stat(KEY)).isEmpty();
        assertThat(filesUnder(root)).isEmpty();
    }

    private void assertLengthMismatch(ThrowingCallable put) {
        assertThatThrownBy(put).isInstanceOfSatisfying(RequestRejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(Reason.INVALID);
            assertThat(rejected.code()).isEqualTo("length_mismatch");
        });
    }

    private static byte[] grown(byte[] bytes, int by) {
        return Arrays.copyOf(bytes, bytes.length + by);
    }

    private static String md5Of(InputStream in) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
            md5.update(buffer, 0, read);
        }
        return '"' + HexFormat.of().formatHex(md5.digest()) + '"';
    }
}
