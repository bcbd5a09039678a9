package dev.mosaic.adapters.storage.gcs;

import static dev.mosaic.application.contract.StorageTestBytes.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.adapters.storage.gcs.V4Signatures.Request;
import dev.mosaic.application.port.out.ObjectStorage.Delivery;
import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.application.port.out.ObjectStorage.SignedRequest;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.google.api.core.ApiClock;
import com.google.cloud.storage.StorageOptions;
import dev.mosaic.adapters.storage.local.HttpUploader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The V4 signatures themselves, checked with the test key's public half by {@link V4Signatures}, which
 * follows Google's documented algorithm: a URL verifies only for the method, object, headers and query it
 * was signed for. This is what GCS checks; whether GCS checks exactly this needs a real bucket.
 */
class SignedUrlSignatureTest {

    private static final ObjectKey KEY = new ObjectKey("raw/42/501/photo.jpg");
    private static TestServiceAccount account;

    @TempDir
    static Path keys;
    private static FakeGcsServer server;

    private GcsStorage storage;
    private final Http gcs = new Http();
    private final Instant inAnHour = Instant.now().plus(Duration.ofHours(1));

    @BeforeAll
    static void startGcs() {
        server = FakeGcsServer.start("mosaic-test-bucket");
        account = server.account();
    }

    @AfterAll
    static void stopGcs() {
        server.close();
    }

    @BeforeEach
    void open() {
        storage = new GcsStorage(new GcsSettings(server.bucket(), Optional.of(server.writeKeyFile(keys)),
                Optional.of(server.endpoint())), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    /** The double over HTTP, as a browser reaches GCS: the client sets the headers, HTTP the length. */
    private static final class Http {
        private final HttpUploader client = new HttpUploader();

        HttpResponse<byte[]> put(URI url, Map<String, String> headers, byte[] bytes) {
            return client.put(url, bytes, headers);
        }
    }

    @Test
    void aDirectPutSignsTheTypeAndTheExactLengthAndAsksTheClientForTheTypeAlone() {
        SignedRequest put = storage.signPut(KEY, 1000, ContentType.JPEG, inAnHour);

        assertThat(put.url()).hasHost("127.0.0.1").hasPath("/" + server.bucket() + "/" + KEY.value());
        assertThat(V4Signatures.signedHeaders(put.url())).containsExactly("content-length", "content-type", "host");
        assertThat(put.headers()).isEqualTo(Map.of("Content-Type", "image/jpeg"));
        assertThat(verifiesPut(put, sent(put.headers(), 1000))).isTrue();
    }

    @Test
    void anotherContentTypeDoesNotVerify() {
        SignedRequest put = storage.signPut(KEY, 1000, ContentType.JPEG, inAnHour);

        assertThat(verifiesPut(put, sent(Map.of("Content-Type", "image/png"), 1000))).isFalse();
        assertThat(gcs.put(put.url(), Map.of("Content-Type", "image/png"), random(1000)).statusCode()).isEqualTo(403);
    }

    /** The guide's fetch: Content-Type alone, and the Content-Length the browser adds for the body. */
    @Test
    void theGuidesClientSendingOnlyTheContentTypeIsAccepted() {
        SignedRequest put = storage.signPut(KEY, 1000, ContentType.JPEG, inAnHour);

        assertThat(gcs.put(put.url(), Map.of("Content-Type", "image/jpeg"), random(1000)).statusCode()).isEqualTo(200);
    }

    @Test
    void oneByteMoreOrLessDoesNotMatchTheSignature() {
        SignedRequest put = storage.signPut(KEY, 1000, ContentType.JPEG, inAnHour);

        assertThat(gcs.put(put.url(), put.headers(), random(999)).statusCode()).isEqualTo(403);
        assertThat(gcs.put(put.url(), put.headers(), random(1001)).statusCode()).isEqualTo(403);
        assertThat(gcs.put(put.url(), put.headers(), random(1000)).statusCode()).isEqualTo(200);
    }

    @Test
    void aPutWithoutItsSignedTypeDoesNotVerify() {
        SignedRequest put = storage.signPut(KEY, 1000, ContentType.JPEG, inAnHour);

        assertThat(verifiesPut(put, sent(Map.of(), 1000))).isFalse();
        assertThat(gcs.put(put.url(), Map.of(), random(1000)).statusCode()).isEqualTo(403);
    }

    @Test
    void aPutUrlDoesNotVerifyForAnotherMethodOrObject() {
        SignedRequest put = storage.signPut(KEY, 1000, ContentType.JPEG, inAnHour);
        URI otherObject = URI.create(put.url().toString().replace("photo.jpg", "other.jpg"));

        assertThat(V4Signatures.verifies(new Request("GET", put.url(), sent(put.headers(), 1000)), account.publicKey())).isFalse();
        assertThat(V4Signatures.verifies(new Request("PUT", otherObject, sent(put.headers(), 1000)), account.publicKey())).isFalse();
    }

    @Test
    void aLongerLifeWrittenIntoTheUrlDoesNotVerify() {
        SignedRequest put = storage.signPut(KEY, 1000, ContentType.JPEG, inAnHour);
        String expires = V4Signatures.query(put.url()).get("X-Goog-Expires");
        URI longer = URI.create(put.url().toString().replace("X-Goog-Expires=" + expires, "X-Goog-Expires=604800"));

        assertThat(longer).isNotEqualTo(put.url());
        assertThat(V4Signatures.verifies(new Request("PUT", longer, sent(put.headers(), 1000)), account.publicKey())).isFalse();
    }

    @Test
    void theCredentialNamesTheServiceAccountAndTheSigningDay() {
        SignedRequest put = storage.signPut(KEY, 1000, ContentType.JPEG, inAnHour);
        Map<String, String> query = V4Signatures.query(put.url());
        String day = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC)
                .format(V4Signatures.expiry(put.url()).minusSeconds(Long.parseLong(query.get("X-Goog-Expires"))));

        assertThat(query.get("X-Goog-Algorithm")).isEqualTo("GOOG4-RSA-SHA256");
        assertThat(query.get("X-Goog-Credential"))
                .isEqualTo(TestServiceAccount.EMAIL + "/" + day + "/auto/storage/goog4_request");
    }

    @Test
    void aUrlLivesUntilItsExpiryAndAtMostSevenDays() {
        URI hour = storage.signPut(KEY, 10, ContentType.JPEG, inAnHour).url();
        URI month = storage.signPut(KEY, 10, ContentType.JPEG, Instant.now().plus(Duration.ofDays(30))).url();

        assertThat(Long.parseLong(V4Signatures.query(hour).get("X-Goog-Expires"))).isBetween(3590L, 3600L);
        assertThat(V4Signatures.query(month).get("X-Goog-Expires")).isEqualTo("604800");
    }

    /** Signed two hours ago for one hour, by a client whose clock (the one V4 stamps) is two hours behind. */
    @Test
    void anExpiredUrlIsRefusedThoughItsSignatureMatches() {
        long behind = Duration.ofHours(2).toMillis();
        ApiClock late = new ApiClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime() - behind * 1_000_000;
            }

            @Override
            public long millisTime() {
                return System.currentTimeMillis() - behind;
            }
        };
        Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        var client = StorageOptions.http().setHost(server.endpoint().toString()).setClock(late)
                .setCredentials(GcsClients.serviceAccountKey(server.writeKeyFile(keys))).build().getService();
        try (GcsStorage past = new GcsStorage(client, server.bucket(), twoHoursAgo)) {
            SignedRequest put = past.signPut(KEY, 10, ContentType.JPEG, twoHoursAgo.instant().plus(Duration.ofHours(1)));

            assertThat(verifiesPut(put, sent(put.headers(), 10))).isTrue();
            assertThat(gcs.put(put.url(), put.headers(), random(10)).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aUrlThatWouldBeDeadOnArrivalIsNotSigned() {
        assertThatThrownBy(() -> storage.signPut(KEY, 10, ContentType.JPEG, Instant.now().minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyDirectUploadIsNotSigned() {
        assertThatThrownBy(() -> storage.signPut(KEY, 0, ContentType.JPEG, inAnHour))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partUrlsSignTheirNumberTheUploadAndTheirExactLength() {
        ObjectKey key = new ObjectKey("raw/42/502/party.mp4");
        String uploadId = storage.startMultipart(key, ContentType.MP4);

        List<SignedPart> parts = storage.signParts(key, uploadId, new UploadPlan.Multipart(25, 10, 3).parts(), inAnHour);

        assertThat(parts).allSatisfy(part -> {
            assertThat(part.url().getPath()).isEqualTo("/" + server.bucket() + "/" + key.value());
            assertThat(V4Signatures.query(part.url())).containsEntry("partNumber", Integer.toString(part.partNumber()))
                    .containsEntry("uploadId", uploadId);
            assertThat(V4Signatures.signedHeaders(part.url())).containsExactly("content-length", "host");
            assertThat(V4Signatures.verifies(new Request("PUT", part.url(), sent(Map.of(), part.size())),
                    account.publicKey())).isTrue();
            assertThat(V4Signatures.verifies(new Request("GET", part.url(), sent(Map.of(), part.size())),
                    account.publicKey())).isFalse();
        });
        URI second = parts.get(1).url();
        URI otherNumber = URI.create(second.toString().replace("partNumber=2", "partNumber=1"));
        assertThat(gcs.put(second, Map.of(), random(11)).statusCode()).isEqualTo(403);
        assertThat(gcs.put(otherNumber, Map.of(), random(10)).statusCode()).isEqualTo(403);
        assertThat(gcs.put(parts.get(2).url(), Map.of(), random(5)).statusCode()).isEqualTo(200);
        storage.abortMultipart(key, uploadId);
        assertThat(gcs.put(second, Map.of(), random(10)).statusCode()).as("a part of an aborted upload").isEqualTo(404);
    }

    @Test
    void aDownloadBindsItsTypeAndAttachmentName() {
        URI get = storage.signGet(KEY, inAnHour, Delivery.attachment(new ContentType("application/pdf"), "отчёт 1.pdf"));
        Map<String, String> query = V4Signatures.query(get);
        URI otherName = URI.create(get.toString().replace("response-content-disposition=attachment",
                "response-content-disposition=inline"));

        assertThat(query).containsEntry("response-content-type", "application/pdf")
                .containsEntry("response-content-disposition",
                        "attachment; filename=\"_____ 1.pdf\"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82%201.pdf");
        assertThat(V4Signatures.verifies(new Request("GET", get, Map.of()), account.publicKey())).isTrue();
        assertThat(V4Signatures.verifies(new Request("GET", otherName, Map.of()), account.publicKey())).isFalse();
        assertThat(V4Signatures.verifies(new Request("PUT", get, Map.of()), account.publicKey())).isFalse();
    }

    @Test
    void anInlineGetOverridesOnlyTheType() {
        URI get = storage.signGet(KEY, inAnHour, Delivery.inline(ContentType.WEBP));

        assertThat(V4Signatures.query(get)).containsEntry("response-content-type", "image/webp")
                .doesNotContainKey("response-content-disposition");
        assertThat(V4Signatures.verifies(new Request("GET", get, Map.of()), account.publicKey())).isTrue();
    }

    private static boolean verifiesPut(SignedRequest put, Map<String, String> sent) {
        return V4Signatures.verifies(new Request("PUT", put.url(), sent), account.publicKey());
    }

    /** The headers as they reach GCS: the client's, and the Content-Length of its body. */
    private static Map<String, String> sent(Map<String, String> headers, long length) {
        Map<String, String> sent = new HashMap<>(headers);
        sent.put("Content-Length", Long.toString(length));
        return sent;
    }
}
