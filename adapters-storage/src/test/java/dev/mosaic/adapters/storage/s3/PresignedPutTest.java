package dev.mosaic.adapters.storage.s3;

import static dev.mosaic.application.contract.StorageTestBytes.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.application.port.out.ObjectStorage.SignedRequest;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A presigned PUT admits exactly the body it was signed for: S3Proxy checks the SigV4 signature,
 * which covers Content-Length and Content-Type, so the store itself refuses anything else.
 */
class PresignedPutTest {

    private static final int SIZE = 1000;

    private static S3ProxyServer server;
    private static S3Storage storage;
    private final BrowserLikeClient browser = new BrowserLikeClient();
    private final Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));
    private final ObjectKey key = new ObjectKey("raw/7/" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)
            + "/photo.jpg");

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start();
        storage = server.storage();
    }

    @AfterAll
    static void stop() {
        storage.close();
        server.close();
    }

    @Test
    void theSignedBodyWithTheGivenHeadersIsStored() {
        SignedRequest request = storage.signPut(key, SIZE, ContentType.JPEG, expiresAt);

        HttpResponse<byte[]> response = browser.put(request.url(), random(SIZE), request.headers());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(storage.stat(key)).hasValueSatisfying(stored -> assertThat(stored.size()).isEqualTo(SIZE));
    }

    @Test
    void theUrlSignsLengthTypeAndHostAndNothingTheClientIsNotTold() {
        SignedRequest request = storage.signPut(key, SIZE, ContentType.JPEG, expiresAt);

        assertThat(SignedUrls.query(request.url())).containsEntry("X-Amz-SignedHeaders", "content-length;content-type;host")
                .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        assertThat(request.headers()).isEqualTo(Map.of("Content-Type", "image/jpeg"));
    }

    @Test
    void oneByteMoreIsRefused() {
        SignedRequest request = storage.signPut(key, SIZE, ContentType.JPEG, expiresAt);

        assertRefused(browser.put(request.url(), random(SIZE + 1), request.headers()));
    }

    @Test
    void oneByteLessIsRefused() {
        SignedRequest request = storage.signPut(key, SIZE, ContentType.JPEG, expiresAt);

        assertRefused(browser.put(request.url(), random(SIZE - 1), request.headers()));
    }

    @Test
    void anotherContentTypeIsRefused() {
        SignedRequest request = storage.signPut(key, SIZE, ContentType.JPEG, expiresAt);

        assertRefused(browser.put(request.url(), random(SIZE), Map.of("Content-Type", "image/png")));
    }

    @Test
    void noContentTypeIsRefused() {
        SignedRequest request = storage.signPut(key, SIZE, ContentType.JPEG, expiresAt);

        assertRefused(browser.put(request.url(), random(SIZE), Map.of()));
    }

    /**
     * S3 refuses a presigned request carrying an {@code x-amz-*} header it did not sign (403
     * {@code AccessDenied}, {@code HeadersNotSigned}). S3Proxy 4.1.0 does not: it stores the object and
     * even applies the ACL. This pins both facts: the URL never signs an ACL (so S3 refuses an added
     * one), and the stand-in's gap, so that a newer S3Proxy that closes it fails here and this test
     * can assert the refusal instead. The bucket's "ACLs disabled" setting (S3.md) is the second fence.
     */
    @Test
    void anAddedAclHeaderIsUnsignedWhichS3RefusesThoughS3ProxyStoresIt() {
        SignedRequest request = storage.signPut(key, SIZE, ContentType.JPEG, expiresAt);
        Map<String, String> withAcl = Map.of("Content-Type", "image/jpeg", "x-amz-acl", "public-read");

        HttpResponse<byte[]> response = browser.put(request.url(), random(SIZE), withAcl);

        assertThat(SignedUrls.query(request.url()).get("X-Amz-SignedHeaders")).doesNotContain("x-amz-acl");
        assertThat(response.statusCode()).as("S3Proxy does not check unsigned x-amz-* headers").isEqualTo(200);
    }

    @Test
    void aPartOfAnotherLengthIsRefused() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(3 * SIZE, SIZE, 3);
        String uploadId = storage.startMultipart(key, ContentType.MP4);
        List<SignedPart> parts = storage.signParts(key, uploadId, plan.parts(), expiresAt);

        assertThat(browser.put(parts.get(0).url(), random(SIZE + 1), Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.put(parts.get(1).url(), random(SIZE - 1), Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.put(parts.get(2).url(), random(SIZE), Map.of()).statusCode()).isEqualTo(200);
        storage.abortMultipart(key, uploadId);
    }

    private void assertRefused(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(BrowserLikeClient.text(response)).isEqualTo(403);
        assertThat(BrowserLikeClient.text(response)).contains("SignatureDoesNotMatch");
        assertThat(storage.stat(key)).isEmpty();
    }
}
