package dev.mosaic.adapters.storage.local;

import static dev.mosaic.adapters.storage.local.SignedUrls.pathOf;
import static dev.mosaic.adapters.storage.local.SignedUrls.queryOf;
import static dev.mosaic.adapters.storage.local.SignedUrls.queryWith;
import static dev.mosaic.adapters.storage.local.SignedUrls.queryWithout;
import static dev.mosaic.adapters.storage.local.SignedUrls.withQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.ObjectStorage.Delivery;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedUrlSignatureTest {

    private static final ObjectKey KEY = new ObjectKey("raw/1/2/photo.jpg");
    private static final byte[] BYTES = "ten bytes!".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    private LocalStorageFixture fixture;
    private Instant inAnHour;

    @BeforeEach
    void start() throws IOException {
        fixture = LocalStorageFixture.on(root);
        inAnHour = fixture.clock.instant().plus(Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aTamperedSignatureIsForbiddenOverHttp() {
        URI url = fixture.storage.signPut(KEY, BYTES.length, ContentType.JPEG, inAnHour).url();
        String signature = queryOf(url).get("signature");
        String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

        HttpResponse<byte[]> response = fixture.http.put(withQuery(url, queryWith(url, "signature", flipped)), BYTES,
                Map.of("Content-Type", "image/jpeg"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("signature_invalid");
        assertThat(fixture.storage.stat(KEY)).isEmpty();
    }

    @Test
    void changingAnySignedParameterBreaksTheSignature() {
        URI url = fixture.storage.signPut(KEY, BYTES.length, ContentType.JPEG, inAnHour).url();

        assertSignatureInvalid(() -> putDirect(pathOf(url), queryWith(url, "length", "11"), "image/jpeg"));
        assertSignatureInvalid(() -> putDirect(pathOf(url), queryWith(url, "type", "image/png"), "image/png"));
        assertSignatureInvalid(() -> putDirect(pathOf(url),
                queryWith(url, "expires", Long.toString(inAnHour.getEpochSecond() + 3600)), "image/jpeg"));
        assertSignatureInvalid(() -> putDirect("raw/1/2/other.jpg", queryOf(url), "image/jpeg"));
        assertSignatureInvalid(() -> putDirect(pathOf(url), queryWithout(url, "signature"), "image/jpeg"));
        assertSignatureInvalid(() -> putDirect(pathOf(url), queryWith(url, "signature", "not base64!"), "image/jpeg"));
        assertSignatureInvalid(() -> putDirect(pathOf(url), null, "image/jpeg"));
        assertThat(fixture.storage.stat(KEY)).isEmpty();
    }

    @Test
    void aUrlSignedWithAnotherKeyIsForbidden() {
        LocalDiskStorage other = new LocalDiskStorage(new LocalStorageSettings(root.resolve("other"),
                URI.create("http://localhost"), "another key, also at least 32 bytes long".getBytes(
                StandardCharsets.UTF_8)), Clock.systemUTC());
        URI url = other.signPut(KEY, BYTES.length, ContentType.JPEG, inAnHour).url();

        assertSignatureInvalid(() -> putDirect(pathOf(url), queryOf(url), "image/jpeg"));
    }

    @Test
    void aPartUrlCannotBeReusedForAnotherPartOrUpload() {
        String uploadId = fixture.storage.startMultipart(KEY, ContentType.JPEG);
        String otherUpload = fixture.storage.startMultipart(KEY, ContentType.JPEG);
        URI url = fixture.storage.signParts(KEY, uploadId, List.of(new UploadPlan.Part(1,
                BYTES.length)), inAnHour).get(0).url();

        assertSignatureInvalid(() -> putDirect(pathOf(url), queryWith(url, "part_number", "2"), null));
        assertSignatureInvalid(() -> putDirect(pathOf(url), queryWith(url, "upload_id", otherUpload), null));
        assertSignatureInvalid(() -> putDirect(pathOf(url), queryWithout(url, "upload_id", "part_number"), null));
    }

    @Test
    void aDownloadUrlDoesNotAllowAnUpload() {
        URI url = fixture.storage.signGet(KEY, inAnHour, Delivery.inline(ContentType.JPEG));

        assertSignatureInvalid(() -> putDirect(pathOf(url), queryWith(url, "length", "10"), "image/jpeg"));
    }

    @Test
    void aDownloadUrlCannotBeTurnedIntoAnAttachmentOrAnotherType() {
        URI url = fixture.storage.signGet(KEY, inAnHour, Delivery.inline(ContentType.JPEG));

        assertSignatureInvalid(() -> fixture.storage.get(pathOf(url), queryWith(url, "attachment", "x.html")));
        assertSignatureInvalid(() -> fixture.storage.get(pathOf(url), queryWith(url, "type", "text/html")));
    }

    @Test
    void anExpiredUploadUrlIsForbiddenAndStoresNothing() {
        URI url = fixture.storage.signPut(KEY, BYTES.length, ContentType.JPEG,
                fixture.clock.instant().plusSeconds(60)).url();
        fixture.clock.advance(Duration.ofSeconds(61));

        HttpResponse<byte[]> response = fixture.http.put(url, BYTES, Map.of("Content-Type", "image/jpeg"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("url_expired");
        assertThat(fixture.storage.stat(KEY)).isEmpty();
    }

    @Test
    void aUrlWorksUntilItsExpirySecond() {
        URI url = fixture.storage.signPut(KEY, BYTES.length, ContentType.JPEG,
                fixture.clock.instant().plusSeconds(60)).url();
        fixture.clock.advance(Duration.ofSeconds(59));

        assertThat(fixture.http.put(url, BYTES, Map.of("Content-Type", "image/jpeg")).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredDownloadUrlIsForbidden() {
        URI url = fixture.storage.signGet(KEY, fixture.clock.instant().plusSeconds(60),
                Delivery.inline(ContentType.JPEG));
        fixture.clock.advance(Duration.ofMinutes(2));

        assertThatThrownBy(() -> fixture.storage.get(pathOf(url), queryOf(url)))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.FORBIDDEN);
                    assertThat(rejected.code()).isEqualTo("url_expired");
                });
    }

    @Test
    void aDownloadOfAMissingObjectIsNotFound() {
        URI url = fixture.storage.signGet(KEY, inAnHour, Delivery.inline(ContentType.JPEG));

        HttpResponse<byte[]> response = fixture.http.send(HttpRequest.newBuilder(url).GET().build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("object_not_found");
    }

    private void putDirect(String path, Map<String, String> query, String contentType) {
        fixture.storage.put(path, query, contentType, BYTES.length, new ByteArrayInputStream(BYTES));
    }

    private static void assertSignatureInvalid(ThrowingCallable request) {
        assertThatThrownBy(request).isInstanceOfSatisfying(RequestRejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(Reason.FORBIDDEN);
            assertThat(rejected.code()).isEqualTo("signature_invalid");
        });
    }
}
