package dev.mosaic.adapters.storage.local;

import static dev.mosaic.adapters.storage.local.SignedUrls.filesUnder;
import static dev.mosaic.adapters.storage.local.SignedUrls.queryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.ObjectStorage.Delivery;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No URL path reaches outside the storage root, or anything under it that is not an object. */
class PathTraversalTest {

    private static final byte[] BYTES = "secret".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path outside;

    private Path root;
    private LocalStorageFixture fixture;
    private Instant inAnHour;

    @BeforeEach
    void start() throws IOException {
        root = outside.resolve("storage");
        Files.write(outside.resolve("secret.txt"), BYTES);
        fixture = LocalStorageFixture.on(root);
        inAnHour = fixture.clock.instant().plus(Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "raw/1/2/../../../../secret.txt", "/etc/passwd", "raw/1/2/..",
            "raw/1/../secret.txt", "raw\\1\\2\\x", "raw/1/2/.photo.jpg.type", ".uploads/x/.upload", "raw/1/2",
            "raw//1/2/x", "raw/1/2/x/", "raw/1/2/%2e%2e", "", "derived/1/2/a b"})
    void aPathThatIsNoObjectKeyIsNotFound(String path) {
        URI signed = fixture.storage.signPut(new ObjectKey("raw/1/2/photo.jpg"), BYTES.length, ContentType.JPEG,
                inAnHour).url();
        URI download = fixture.storage.signGet(new ObjectKey("raw/1/2/photo.jpg"), inAnHour,
                Delivery.inline(ContentType.JPEG));

        assertNotFound(() -> fixture.storage.put(path, queryOf(signed), "image/jpeg", BYTES.length,
                new ByteArrayInputStream(BYTES)));
        assertNotFound(() -> fixture.storage.get(path, queryOf(download)));
        assertThat(filesUnder(outside)).containsExactly("secret.txt");
    }

    @Test
    void encodedDotSegmentsOverHttpReachNothing() {
        URI signed = fixture.storage.signGet(new ObjectKey("raw/1/2/photo.jpg"), inAnHour,
                Delivery.inline(ContentType.JPEG));
        String query = signed.getRawQuery();
        String base = signed.toString().substring(0, signed.toString().indexOf("/storage/") + "/storage/".length());

        for (String path : new String[] {"..%2Fsecret.txt", "raw/1/2/..%2F..%2F..%2F..%2Fsecret.txt",
                "%2E%2E/secret.txt", "raw/1/2/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt"}) {
            HttpResponse<byte[]> response = fixture.http.send(
                    HttpRequest.newBuilder(URI.create(base + path + "?" + query)).GET().build());

            assertThat(response.statusCode()).as(path).isIn(403, 404);
            assertThat(response.body()).as(path).isNotEqualTo(BYTES);
        }
    }

    @Test
    void anUploadUrlPutsTheObjectUnderTheRootAtItsKey() {
        ObjectKey key = new ObjectKey("raw/1/2/photo.jpg");
        URI signed = fixture.storage.signPut(key, BYTES.length, ContentType.JPEG, inAnHour).url();

        fixture.http.put(signed, BYTES, Map.of("Content-Type", "image/jpeg"));

        assertThat(root.resolve("raw/1/2/photo.jpg")).hasBinaryContent(BYTES);
        assertThat(filesUnder(outside)).contains("secret.txt", "storage/raw/1/2/photo.jpg");
    }

    private static void assertNotFound(ThrowingCallable request) {
        assertThatThrownBy(request).isInstanceOfSatisfying(RequestRejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(Reason.NOT_FOUND);
            assertThat(rejected.code()).isEqualTo("object_not_found");
        });
    }
}
