package dev.mosaic.adapters.storage.s3;

import static dev.mosaic.application.contract.StorageTestBytes.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.contract.ObjectStorageContract.Fetched;
import dev.mosaic.application.port.out.ObjectStorage.Delivery;
import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.application.port.out.Unavailable;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** What the contract leaves open, on S3Proxy: part URLs, downloads by name, and the store's own view. */
class S3StorageOnS3ProxyTest {

    private static S3ProxyServer server;
    private static S3Storage storage;
    private static S3Client raw;
    private final BrowserLikeClient browser = new BrowserLikeClient();
    private final Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));
    private final ObjectKey key = new ObjectKey("raw/7/" + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)
            + "/clip.mp4");

    @TempDir
    Path scratch;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start();
        storage = server.storage();
        raw = S3Clients.client(server.settings(), S3Clients.credentials(server.settings()));
    }

    @AfterAll
    static void stop() {
        raw.close();
        storage.close();
        server.close();
    }

    @Test
    void aHundredPartUrlsAreSignedEachForItsPartAndLength() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(100L * 5 * 1024 * 1024 - 7, 5 * 1024 * 1024, 100);
        storage.signParts(key, "warm-up", plan.parts().subList(0, 1), expiresAt);

        List<SignedPart> signed = storage.signParts(key, "upload-1", plan.parts(), expiresAt);

        assertThat(signed).hasSize(100).extracting(SignedPart::url).doesNotHaveDuplicates();
        for (SignedPart part : signed) {
            Map<String, String> query = SignedUrls.query(part.url());
            assertThat(query).containsEntry("partNumber", String.valueOf(part.partNumber()))
                    .containsEntry("uploadId", "upload-1")
                    .containsEntry("X-Amz-SignedHeaders", "content-length;host");
            assertThat(part.size()).isEqualTo(plan.sizeOf(part.partNumber()));
        }
    }

    @Test
    void completingBeforeAnyPartArrivedIsRefusedAsMissingNotUnknown() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(100, 100, 1);
        String uploadId = storage.startMultipart(key, ContentType.MP4);

        MultipartOutcome outcome = storage.completeMultipart(key, uploadId, plan, List.of(new CompletedPart(1, "\"x\"")));

        assertThat(outcome).isInstanceOfSatisfying(MultipartOutcome.Refused.class,
                refused -> assertThat(refused.refusal().code()).isEqualTo("part_missing"));
    }

    @Test
    void afterAbortingTheStoreListsNoParts() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(300, 100, 3);
        String uploadId = storage.startMultipart(key, ContentType.MP4);
        for (SignedPart part : storage.signParts(key, uploadId, plan.parts(), expiresAt)) {
            browser.putPart(part, random(100));
        }
        assertThat(raw.listParts(request -> request.bucket(S3ProxyServer.BUCKET).key(key.value()).uploadId(uploadId))
                .parts()).hasSize(3);

        storage.abortMultipart(key, uploadId);

        assertThat(raw.listParts(request -> request.bucket(S3ProxyServer.BUCKET).key(key.value()).uploadId(uploadId))
                .parts()).isEmpty();
        assertThat(raw.listMultipartUploads(request -> request.bucket(S3ProxyServer.BUCKET).prefix(key.value()))
                .uploads()).isEmpty();
    }

    @Test
    void aDownloadCarriesTheUnicodeNameAndAnAsciiFallback() {
        ObjectKey report = new ObjectKey("raw/7/8/report.pdf");
        byte[] bytes = random(64);
        ContentType pdf = new ContentType("application/pdf");
        browser.put(storage.signPut(report, bytes.length, pdf, expiresAt), bytes);

        Fetched fetched = browser.get(storage.signGet(report, expiresAt, Delivery.attachment(pdf, "Отчёт \"2024\".pdf")));

        assertThat(fetched.contentType()).isEqualTo("application/pdf");
        assertThat(fetched.contentDisposition()).contains("attachment; filename=\"_____ _2024_.pdf\"; "
                + "filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%20%222024%22.pdf");
    }

    @Test
    void anInlineUrlOverridesTheStoredTypeAndNamesNoAttachment() throws Exception {
        ObjectKey thumbnail = new ObjectKey("derived/7/8/thumbnail.webp");
        storage.put(thumbnail, Files.write(scratch.resolve("t"), random(32)), ContentType.OCTET_STREAM);

        URI url = storage.signGet(thumbnail, expiresAt, Delivery.inline(ContentType.WEBP));
        Fetched fetched = browser.get(url);

        assertThat(SignedUrls.query(url)).containsEntry("response-content-type", "image/webp")
                .doesNotContainKey("response-content-disposition");
        assertThat(fetched.contentType()).isEqualTo("image/webp");
    }

    @Test
    void aStoreThatRefusesTheKeysIsUnhealthyAndFailsWithTheOperationNamed() {
        S3Settings wrongSecret = new S3Settings(S3ProxyServer.BUCKET, S3ProxyServer.REGION,
                Optional.of(server.endpoint()), true, Optional.of(S3ProxyServer.IDENTITY), Optional.of("wrong"));
        try (S3Storage refused = new S3Storage(wrongSecret, Clock.systemUTC())) {
            assertThat(refused.isHealthy()).isFalse();
            assertThatThrownBy(() -> refused.stat(key)).isInstanceOfSatisfying(Unavailable.class,
                    down -> assertThat(down.part()).isEqualTo(Unavailable.Part.STORAGE))
                    .hasMessageContaining("HeadObject of " + key);
        }
    }

    @Test
    void aMissingBucketIsUnhealthy() {
        S3Settings elsewhere = new S3Settings("no-such-bucket", S3ProxyServer.REGION, Optional.of(server.endpoint()),
                true, Optional.of(S3ProxyServer.IDENTITY), Optional.of(S3ProxyServer.CREDENTIAL));
        try (S3Storage missing = new S3Storage(elsewhere, Clock.systemUTC())) {
            assertThat(missing.isHealthy()).isFalse();
        }
    }

    @Test
    void aRefusalSaysWhichPartWasMissing() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(200, 100, 2);
        String uploadId = storage.startMultipart(key, ContentType.MP4);
        List<SignedPart> signed = storage.signParts(key, uploadId, plan.parts(), expiresAt);
        String first = browser.putPart(signed.get(0), random(100));

        MultipartOutcome outcome = storage.completeMultipart(key, uploadId, plan,
                List.of(new CompletedPart(1, first), new CompletedPart(2, "\"b\"")));

        assertThat(outcome).isEqualTo(new MultipartOutcome.Refused(new Refusal("part_missing", "part 2 was not uploaded")));
    }
}
