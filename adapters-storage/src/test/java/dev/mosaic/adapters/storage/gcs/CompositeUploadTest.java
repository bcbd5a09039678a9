package dev.mosaic.adapters.storage.gcs;

import static dev.mosaic.application.contract.StorageTestBytes.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the contract cannot see of GCS's composite uploads: the temporaries, the tree, the races. */
class CompositeUploadTest {

    private static final ObjectKey KEY = new ObjectKey("raw/42/502/party.mp4");
    private static TestServiceAccount account;

    private FakeGcs fake;
    private Storage client;
    private GcsStorage storage;
    private XmlApiStandIn gcs;
    private final Instant inAnHour = Instant.now().plus(Duration.ofHours(1));

    @BeforeAll
    static void makeKey() {
        account = TestServiceAccount.generate();
    }

    @BeforeEach
    void start() {
        fake = new FakeGcs();
        client = fake.client(account.credentials());
        storage = new GcsStorage(client, FakeGcs.BUCKET, Clock.systemUTC());
        gcs = new XmlApiStandIn(client, account.publicKey());
    }

    @AfterEach
    void stop() {
        storage.close();
    }

    @Test
    void completingLeavesNoTemporaryBehind() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(250, 100, 3);
        byte[] bytes = random(250);
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);

        assertThat(storage.completeMultipart(KEY, uploadId, plan, upload(uploadId, plan, bytes)))
                .isEqualTo(new MultipartOutcome.Completed(250));

        assertThat(namesUnder("tmp/")).isEmpty();
        assertThat(client.readAllBytes(BlobId.of(FakeGcs.BUCKET, KEY.value()))).isEqualTo(bytes);
    }

    @Test
    void seventyPartsAreComposedThirtyTwoAtATime() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(70 * 10 - 3, 10, 70);
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);

        MultipartOutcome outcome = storage.completeMultipart(KEY, uploadId, plan, upload(uploadId, plan, bytes));

        assertThat(outcome).isEqualTo(new MultipartOutcome.Completed(plan.fileSize()));
        assertThat(fake.composeCalls()).as("32 + 32 + 6, then the three joined").isEqualTo(4);
        assertThat(storage.readHead(KEY, bytes.length)).isEqualTo(bytes);
        assertThat(namesUnder("tmp/")).isEmpty();
    }

    @Test
    void theComposedObjectHasTheTypeGivenAtTheStartAndNoMd5() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(20, 10, 2);
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);

        storage.completeMultipart(KEY, uploadId, plan, upload(uploadId, plan, random(20)));

        Blob composed = client.get(BlobId.of(FakeGcs.BUCKET, KEY.value()));
        assertThat(composed.getContentType()).isEqualTo("video/mp4");
        assertThat(composed.getMd5()).as("composite objects carry only a CRC32C").isNull();
        assertThat(composed.getComponentCount()).isEqualTo(2);
    }

    @Test
    void abortingDeletesTheManifestAndEveryPart() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(250, 100, 3);
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);
        upload(uploadId, plan, random(250));
        assertThat(namesUnder("tmp/" + uploadId + "/")).hasSize(4);

        storage.abortMultipart(KEY, uploadId);

        assertThat(namesUnder("tmp/")).isEmpty();
    }

    @Test
    void abortingUnderAnotherKeyLeavesTheUploadOpen() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(20, 10, 2);
        byte[] bytes = random(20);
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);
        List<CompletedPart> parts = upload(uploadId, plan, bytes);

        storage.abortMultipart(new ObjectKey("raw/42/503/other.mp4"), uploadId);

        assertThat(storage.completeMultipart(KEY, uploadId, plan, parts)).isEqualTo(new MultipartOutcome.Completed(20));
    }

    @Test
    void aPartUploadedAgainWithOtherBytesNoLongerMatchesItsFirstEtag() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(20, 10, 2);
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);
        List<CompletedPart> first = upload(uploadId, plan, random(20));
        upload(uploadId, plan, random(20));

        assertThat(storage.completeMultipart(KEY, uploadId, plan, first))
                .isEqualTo(new MultipartOutcome.Refused(new Refusal("etag_mismatch",
                        "part 1 holds other bytes than its ETag says")));
        assertThat(storage.stat(KEY)).isEmpty();
    }

    @Test
    void aPartRemovedWhileComposingRefusesTheCompletion() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(20, 10, 2);
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);
        List<CompletedPart> parts = upload(uploadId, plan, random(20));
        fake.beforeCompose(() -> client.delete(BlobId.of(FakeGcs.BUCKET, "tmp/" + uploadId + "/part-00002")));

        MultipartOutcome outcome = storage.completeMultipart(KEY, uploadId, plan, parts);

        assertThat(outcome).isInstanceOfSatisfying(MultipartOutcome.Refused.class,
                refused -> assertThat(refused.refusal().code()).isEqualTo("etag_mismatch"));
        assertThat(storage.stat(KEY)).isEmpty();
    }

    @Test
    void anUploadAbortedWhileComposingIsNoSuchUpload() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(20, 10, 2);
        String uploadId = storage.startMultipart(KEY, ContentType.MP4);
        List<CompletedPart> parts = upload(uploadId, plan, random(20));
        fake.beforeCompose(() -> {
            fake.beforeCompose(() -> { });
            storage.abortMultipart(KEY, uploadId);
        });

        assertThat(storage.completeMultipart(KEY, uploadId, plan, parts)).isEqualTo(new MultipartOutcome.NoSuchUpload());
    }

    @Test
    void uploadIdsAreFreshRandomHex() {
        String first = storage.startMultipart(KEY, ContentType.MP4);
        String second = storage.startMultipart(KEY, ContentType.MP4);

        assertThat(first).matches("[0-9a-f]{32}").isNotEqualTo(second);
    }

    @Test
    void partsOfAnUploadThisStoreNeverMadeAreNotSigned() {
        assertThatThrownBy(() -> storage.signParts(KEY, "../raw/42/1/x", new UploadPlan.Multipart(10, 10, 1).parts(),
                inAnHour)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBucketIsHealthyOnlyWhileItAnswers() {
        GcsStorage elsewhere = new GcsStorage(client, "no-such-bucket", Clock.systemUTC());

        assertThat(storage.isHealthy()).isTrue();
        assertThat(elsewhere.isHealthy()).isFalse();
        fake.stopAnswering();
        assertThat(storage.isHealthy()).isFalse();
    }

    private List<CompletedPart> upload(String uploadId, UploadPlan.Multipart plan, byte[] bytes) {
        List<SignedPart> signed = storage.signParts(KEY, uploadId, plan.parts(), inAnHour);
        List<CompletedPart> parts = new ArrayList<>();
        for (SignedPart part : signed) {
            int from = Math.toIntExact(plan.partSize() * (part.partNumber() - 1));
            byte[] slice = Arrays.copyOfRange(bytes, from, from + Math.toIntExact(part.size()));
            parts.add(new CompletedPart(part.partNumber(), gcs.putPart(part, slice)));
        }
        return parts;
    }

    private List<String> namesUnder(String prefix) {
        return StreamSupport.stream(client.list(FakeGcs.BUCKET, Storage.BlobListOption.prefix(prefix))
                .iterateAll().spliterator(), false).map(Blob::getName).toList();
    }
}
