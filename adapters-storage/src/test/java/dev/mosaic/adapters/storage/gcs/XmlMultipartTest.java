package dev.mosaic.adapters.storage.gcs;

import static dev.mosaic.application.contract.StorageTestBytes.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.HttpStorageOptions;
import com.google.cloud.storage.MultipartUploadClient;
import com.google.cloud.storage.MultipartUploadSettings;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.api.gax.retrying.RetrySettings;
import dev.mosaic.adapters.storage.local.HttpUploader;
import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.application.port.out.Unavailable;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the XML API multipart uploads add to the contract: paged part lists, GCS's own refusals, outages. */
class XmlMultipartTest {

    private static final ObjectKey KEY = new ObjectKey("raw/42/502/party.mp4");

    @TempDir
    Path keys;
    private FakeGcsServer gcs;
    private GcsSettings settings;
    private GcsStorage storage;
    private final HttpUploader client = new HttpUploader();

    @BeforeEach
    void open() {
        gcs = FakeGcsServer.start("mosaic-test-bucket");
        settings = new GcsSettings(gcs.bucket(), Optional.of(gcs.writeKeyFile(keys)), Optional.of(gcs.endpoint()));
        storage = new GcsStorage(settings, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        storage.close();
        gcs.close();
    }

    @Test
    void partsAreListedThroughEveryPage() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(25, 10, 3);
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);
        upload(uploadId, plan, random(25));

        try (Storage google = GcsClients.storage(settings)) {
            XmlMultipartUploads onePerPage = new XmlMultipartUploads(MultipartUploadClient.create(
                    MultipartUploadSettings.of((HttpStorageOptions) google.getOptions())), gcs.bucket(), 1);

            assertThat(onePerPage.storedParts(KEY, uploadId)).hasValueSatisfying(parts -> {
                assertThat(parts).containsOnlyKeys(1, 2, 3);
                assertThat(parts.get(3).size()).isEqualTo(5);
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The plan's parts match what GCS holds, but GCS still wants 5 MiB parts but for the last. */
    @Test
    void partsUnderGcssMinimumAreRefusedAsTheWrongSizeAndTheUploadStaysOpen() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(25, 10, 3);
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);
        List<CompletedPart> parts = upload(uploadId, plan, random(25));

        MultipartOutcome outcome = storage.completeMultipart(KEY, uploadId, plan, parts);

        assertThat(outcome).isInstanceOf(MultipartOutcome.Refused.class);
        assertThat(((MultipartOutcome.Refused) outcome).refusal().code()).isEqualTo("part_size_mismatch");
        assertThat(storage.stat(KEY)).isEmpty();
        assertThat(gcs.openUploads()).isEqualTo(1);
    }

    @Test
    void abortingEndsTheUploadAtGcs() {
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);

        storage.abortMultipart(KEY, uploadId);

        assertThat(gcs.openUploads()).isZero();
    }

    @Test
    void anAbortUnderAnotherKeyLeavesTheUploadOpen() {
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);

        storage.abortMultipart(new ObjectKey("raw/42/502/other.mp4"), uploadId);

        assertThat(gcs.openUploads()).isEqualTo(1);
    }

    /** With one attempt a call: the client's own retries would take minutes to give up on a closed port. */
    @Test
    void gcsGoneIsAStoreOutageAndAnUnhealthyStore() {
        Storage oneAttempt = StorageOptions.http().setHost(gcs.endpoint().toString())
                .setCredentials(GcsClients.serviceAccountKey(settings.credentialsFile().orElseThrow()))
                .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build()).build().getService();
        try (GcsStorage impatient = new GcsStorage(oneAttempt, gcs.bucket(), Clock.systemUTC())) {
            String uploadId = impatient.startMultipart(KEY, ContentType.MP4);
            UploadPlan.Multipart plan = new UploadPlan.Multipart(25, 10, 3);
            gcs.close();

            assertThat(impatient.isHealthy()).isFalse();
            assertThatThrownBy(() -> impatient.startMultipart(KEY, ContentType.MP4)).isInstanceOf(Unavailable.class);
            assertThatThrownBy(() -> impatient.completeMultipart(KEY, uploadId, plan, List.of()))
                    .isInstanceOf(Unavailable.class);
            assertThatThrownBy(() -> impatient.abortMultipart(KEY, uploadId)).isInstanceOf(Unavailable.class);
        }
    }

    private List<CompletedPart> upload(String uploadId, UploadPlan.Multipart plan, byte[] bytes) {
        List<SignedPart> signed = storage.signParts(KEY, uploadId, plan.parts(), Instant.now().plusSeconds(600));
        List<CompletedPart> parts = new ArrayList<>();
        int from = 0;
        for (SignedPart part : signed) {
            byte[] slice = java.util.Arrays.copyOfRange(bytes, from, from + (int) part.size());
            from += (int) part.size();
            parts.add(new CompletedPart(part.partNumber(), client.putPart(part, slice)));
        }
        return parts;
    }
}
