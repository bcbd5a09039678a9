package dev.mosaic.application.contract;

import static dev.mosaic.application.contract.StorageTestBytes.quotedMd5;
import static dev.mosaic.application.contract.StorageTestBytes.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.ObjectStorage.Delivery;
import dev.mosaic.application.port.out.ObjectStorage.LocalCopy;
import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.application.port.out.ObjectStorage.SignedRequest;
import dev.mosaic.application.port.out.ObjectStorage.StoredObject;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ObjectStorage} must do, run against the in-memory fake and each real store.
 * Bytes travel as a client's would: through the signed URLs, by the subclass's {@link Uploader}.
 */
public abstract class ObjectStorageContract {

    /** A client of the store's signed URLs: the guide's browser, in a test. */
    public interface Uploader {
        /** PUTs the bytes with exactly the request's headers; answers the ETag the store sent back. */
        String put(SignedRequest request, byte[] bytes);

        /** PUTs one part, as S3 clients do; answers the part's ETag. */
        String putPart(SignedPart part, byte[] bytes);

        /** GETs a signed download URL. */
        Fetched get(URI url);
    }

    /** What a GET of a signed URL answered. */
    public record Fetched(byte[] body, String contentType, Optional<String> contentDisposition) {
    }

    @TempDir
    protected Path scratch;

    /** The store under test; each test gets a fresh or at least an isolated one. */
    protected abstract ObjectStorage storage();

    protected abstract Uploader uploader();

    /** The name of everything the store holds, as the store itself lists it (objects, parts, temporaries). */
    protected abstract List<String> everythingStored();

    /** The size of the full parts in multipart tests; stores enforcing S3's 5 MiB minimum raise it. */
    protected long partSize() {
        return 64 * 1024;
    }

    private final long asset = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    private final Instant expiresAt = Instant.now().plus(Duration.ofHours(1));

    protected ObjectKey rawKey(String name) {
        return new ObjectKey("raw/42/" + asset + "/" + name);
    }

    protected ObjectKey derivedKey(String name) {
        return new ObjectKey("derived/42/" + asset + "/" + name);
    }

    /**
     * The headers a signed PUT of {@code size} bytes of {@code type} must carry: the type alone for
     * stores that bind the length by themselves; stores that bind it with a header of their own add it.
     */
    protected Map<String, String> expectedPutHeaders(long size, ContentType type) {
        return Map.of("Content-Type", type.value());
    }

    @Test
    void signedPutAsksForExactlyTheHeadersTheStoreBinds() {
        SignedRequest request = storage().signPut(rawKey("photo.jpg"), 10, ContentType.JPEG, expiresAt);

        assertThat(request.headers()).isEqualTo(expectedPutHeaders(10, ContentType.JPEG));
        assertThat(request.headers()).containsEntry("Content-Type", "image/jpeg");
        assertThat(request.url().getPath()).contains("raw/42/" + asset + "/photo.jpg");
    }

    @Test
    void directUploadCanBeStattedReadCopiedAndDeleted() throws IOException {
        ObjectKey key = rawKey("photo.jpg");
        byte[] bytes = random(1000);

        String etag = uploader().put(storage().signPut(key, bytes.length, ContentType.JPEG, expiresAt), bytes);

        assertThat(etag).isEqualTo(quotedMd5(bytes));
        assertThat(storage().stat(key)).contains(new StoredObject(1000, Optional.of(ContentType.JPEG)));
        assertThat(storage().readHead(key, 16)).isEqualTo(Arrays.copyOf(bytes, 16));
        assertThat(storage().readHead(key, 5000)).isEqualTo(bytes);
        Path copied;
        try (LocalCopy copy = storage().localCopy(key)) {
            copied = copy.path();
            assertThat(Files.readAllBytes(copied)).isEqualTo(bytes);
        }
        assertThat(copied).as("closing removes the copy").doesNotExist();
        storage().delete(key);
        assertThat(storage().stat(key)).isEmpty();
    }

    @Test
    void aSealedUploadKeepsItsBytesWhateverIsPutToTheUploadUrlAfterwards() {
        ObjectKey raw = rawKey("report.pdf");
        ContentType pdf = new ContentType("application/pdf");
        byte[] verified = random(2000);
        byte[] swapped = random(2000);
        SignedRequest put = storage().signPut(raw, verified.length, pdf, expiresAt);
        uploader().put(put, verified);

        assertThat(storage().seal(raw, raw.sealed())).isTrue();
        try {
            uploader().put(put, swapped);
        } catch (RuntimeException | AssertionError refused) {
            // a store that refuses a second PUT (the local one) is as sealed as can be
        }
        storage().delete(raw);

        assertThat(storage().stat(raw.sealed())).contains(new StoredObject(2000, Optional.of(pdf)));
        assertThat(storage().readHead(raw.sealed(), 2000)).isEqualTo(verified);
        Fetched fetched = uploader().get(storage().signGet(raw.sealed(), expiresAt, Delivery.attachment(pdf, "r.pdf")));
        assertThat(fetched.body()).isEqualTo(verified);
    }

    @Test
    void sealingAnObjectNeverUploadedAnswersFalse() {
        ObjectKey raw = rawKey("never.pdf");

        assertThat(storage().seal(raw, raw.sealed())).isFalse();
        assertThat(storage().stat(raw.sealed())).isEmpty();
    }

    @Test
    void closingALocalCopyLeavesTheObjectInPlace() {
        ObjectKey key = rawKey("doc.pdf");
        byte[] bytes = random(300);
        uploader().put(storage().signPut(key, bytes.length, new ContentType("application/pdf"), expiresAt), bytes);

        storage().localCopy(key).close();

        assertThat(storage().readHead(key, 300)).isEqualTo(bytes);
    }

    @Test
    void multipartUploadJoinsThePartsInOrder() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);

        List<CompletedPart> parts = uploadParts(key, uploadId, plan, bytes, List.of(3, 1, 2));

        assertThat(storage().stat(key)).as("invisible until completed").isEmpty();
        assertThat(storage().completeMultipart(key, uploadId, plan, parts))
                .isEqualTo(new MultipartOutcome.Completed(plan.fileSize()));
        assertThat(storage().stat(key)).contains(new StoredObject(plan.fileSize(), Optional.of(ContentType.MP4)));
        assertThat(storage().readHead(key, bytes.length)).isEqualTo(bytes);
    }

    @Test
    void signedPartsCarryTheirNumberAndSize() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        String uploadId = storage().startMultipart(key, ContentType.MP4);

        List<SignedPart> signed = storage().signParts(key, uploadId, plan.parts(), expiresAt);

        assertThat(signed).extracting(SignedPart::partNumber).containsExactly(1, 2, 3);
        assertThat(signed).extracting(SignedPart::size)
                .containsExactly(plan.sizeOf(1), plan.sizeOf(2), plan.sizeOf(3));
        assertThat(signed).extracting(SignedPart::url).doesNotHaveDuplicates();
    }

    @Test
    void aSinglePartMultipartUploadCompletes() {
        ObjectKey key = rawKey("small.bin");
        UploadPlan.Multipart plan = new UploadPlan.Multipart(100, partSize(), 1);
        byte[] bytes = random(100);
        String uploadId = storage().startMultipart(key, ContentType.OCTET_STREAM);

        List<CompletedPart> parts = uploadParts(key, uploadId, plan, bytes, List.of(1));

        assertThat(storage().completeMultipart(key, uploadId, plan, parts))
                .isEqualTo(new MultipartOutcome.Completed(100));
        assertThat(storage().readHead(key, 100)).isEqualTo(bytes);
    }

    @Test
    void completionWithAPartNeverUploadedIsRefusedAndTheUploadStaysOpen() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);
        List<CompletedPart> uploaded = uploadParts(key, uploadId, plan, bytes, List.of(1, 3));
        List<CompletedPart> claimed = List.of(uploaded.get(0), new CompletedPart(2, quotedMd5(slice(bytes, plan, 2))),
                uploaded.get(1));

        assertThat(refusalCode(storage().completeMultipart(key, uploadId, plan, claimed))).isEqualTo("part_missing");
        assertThat(storage().stat(key)).isEmpty();

        uploadParts(key, uploadId, plan, bytes, List.of(2));
        assertThat(storage().completeMultipart(key, uploadId, plan, claimed))
                .isEqualTo(new MultipartOutcome.Completed(plan.fileSize()));
    }

    @Test
    void completionWithAWrongEtagIsRefused() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);
        List<CompletedPart> parts = new ArrayList<>(uploadParts(key, uploadId, plan, bytes, List.of(1, 2, 3)));
        parts.set(1, new CompletedPart(2, quotedMd5(random(10))));

        assertThat(refusalCode(storage().completeMultipart(key, uploadId, plan, parts))).isEqualTo("etag_mismatch");
        assertThat(storage().stat(key)).isEmpty();
    }

    @Test
    void etagsCompareWithoutTheirQuotes() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);
        List<CompletedPart> unquoted = uploadParts(key, uploadId, plan, bytes, List.of(1, 2, 3)).stream()
                .map(part -> new CompletedPart(part.partNumber(), part.etag().replace("\"", "")))
                .toList();

        assertThat(storage().completeMultipart(key, uploadId, plan, unquoted))
                .isEqualTo(new MultipartOutcome.Completed(plan.fileSize()));
    }

    @Test
    void partsOfOtherSizesThanThePlanSaysAreRefused() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart uploadedAs = planOfThreeWithASmallerLast();
        UploadPlan.Multipart completedAs =
                new UploadPlan.Multipart(uploadedAs.fileSize(), uploadedAs.partSize() + 1, 3);
        byte[] bytes = random(Math.toIntExact(uploadedAs.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);
        List<CompletedPart> parts = uploadParts(key, uploadId, uploadedAs, bytes, List.of(1, 2, 3));

        assertThat(refusalCode(storage().completeMultipart(key, uploadId, completedAs, parts)))
                .isEqualTo("part_size_mismatch");
        assertThat(storage().stat(key)).isEmpty();
    }

    @Test
    void completingAnUnknownUploadAnswersNoSuchUpload() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        List<CompletedPart> parts = List.of(new CompletedPart(1, "\"a\""), new CompletedPart(2, "\"b\""),
                new CompletedPart(3, "\"c\""));

        assertThat(storage().completeMultipart(key, "no-such-upload", plan, parts))
                .isEqualTo(new MultipartOutcome.NoSuchUpload());
    }

    @Test
    void completingTwiceAnswersNoSuchUploadAndKeepsTheObject() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);
        List<CompletedPart> parts = uploadParts(key, uploadId, plan, bytes, List.of(1, 2, 3));
        storage().completeMultipart(key, uploadId, plan, parts);

        assertThat(storage().completeMultipart(key, uploadId, plan, parts))
                .isEqualTo(new MultipartOutcome.NoSuchUpload());
        assertThat(storage().readHead(key, bytes.length)).isEqualTo(bytes);
    }

    @Test
    void anUploadCompletesOnlyUnderItsOwnKey() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);
        List<CompletedPart> parts = uploadParts(key, uploadId, plan, bytes, List.of(1, 2, 3));

        assertThat(storage().completeMultipart(rawKey("other.mp4"), uploadId, plan, parts))
                .isEqualTo(new MultipartOutcome.NoSuchUpload());
        assertThat(storage().stat(rawKey("other.mp4"))).isEmpty();
    }

    @Test
    void listingPartsAnswersExactlyTheStoredOnesWithTheirSizesAndEtags() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);
        assertThat(storage().listParts(key, uploadId)).hasValue(List.of());

        List<CompletedPart> sent = uploadParts(key, uploadId, plan, bytes, List.of(3, 1));

        List<UploadedPart> listed = storage().listParts(key, uploadId).orElseThrow();
        assertThat(listed).extracting(UploadedPart::number).containsExactly(1, 3);
        assertThat(listed).extracting(UploadedPart::size).containsExactly(plan.sizeOf(1), plan.sizeOf(3));
        assertThat(listed).extracting(part -> CompletionRules.normalizeEtag(part.etag()))
                .containsExactly(CompletionRules.normalizeEtag(sent.get(0).etag()),
                        CompletionRules.normalizeEtag(sent.get(1).etag()));
    }

    @Test
    void listedEtagsCompleteTheUpload() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);
        uploadParts(key, uploadId, plan, bytes, List.of(1, 2, 3));

        List<CompletedPart> fromTheList = storage().listParts(key, uploadId).orElseThrow().stream()
                .map(part -> new CompletedPart(part.number(), part.etag())).toList();

        assertThat(storage().completeMultipart(key, uploadId, plan, fromTheList))
                .isEqualTo(new MultipartOutcome.Completed(plan.fileSize()));
        assertThat(storage().readHead(key, bytes.length)).isEqualTo(bytes);
    }

    @Test
    void listingAnUnknownCompletedAbortedOrOtherKeysUploadAnswersNothing() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String completed = storage().startMultipart(key, ContentType.MP4);
        storage().completeMultipart(key, completed, plan, uploadParts(key, completed, plan, bytes, List.of(1, 2, 3)));
        String aborted = storage().startMultipart(key, ContentType.MP4);
        uploadParts(key, aborted, plan, bytes, List.of(1));
        storage().abortMultipart(key, aborted);
        String open = storage().startMultipart(key, ContentType.MP4);
        uploadParts(key, open, plan, bytes, List.of(1));

        assertThat(storage().listParts(key, "no-such-upload")).isEmpty();
        assertThat(storage().listParts(key, completed)).isEmpty();
        assertThat(storage().listParts(key, aborted)).isEmpty();
        assertThat(storage().listParts(rawKey("other.mp4"), open)).isEmpty();
        assertThat(storage().listParts(key, open)).isPresent();
    }

    @Test
    void abortingLeavesNothingBehind() {
        ObjectKey key = rawKey("party.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);
        List<CompletedPart> parts = uploadParts(key, uploadId, plan, bytes, List.of(1, 2, 3));

        storage().abortMultipart(key, uploadId);

        assertThat(storage().completeMultipart(key, uploadId, plan, parts))
                .isEqualTo(new MultipartOutcome.NoSuchUpload());
        assertThat(storage().stat(key)).isEmpty();
    }

    @Test
    void aPutLandingAfterTheUploadWasDeletedIsGoneOnceDeletedAgain() {
        ObjectKey raw = rawKey("late.pdf");
        byte[] bytes = random(700);
        SignedRequest put = storage().signPut(raw, bytes.length, new ContentType("application/pdf"), expiresAt);
        storage().delete(raw);
        try {
            uploader().put(put, bytes);
        } catch (RuntimeException | AssertionError refused) {
            // a store that refuses it writes nothing, which is better still
        }

        storage().delete(raw);

        assertThat(storage().stat(raw)).isEmpty();
        assertThat(everythingStored()).noneMatch(name -> name.contains("/" + asset + "/"));
    }

    @Test
    void partsPutAfterAnAbortAreGoneOnceAbortedAgain() {
        ObjectKey key = rawKey("late.mp4");
        UploadPlan.Multipart plan = planOfThreeWithASmallerLast();
        byte[] bytes = random(Math.toIntExact(plan.fileSize()));
        String uploadId = storage().startMultipart(key, ContentType.MP4);
        List<SignedPart> urls = storage().signParts(key, uploadId, plan.parts(), expiresAt);
        uploader().putPart(urls.get(0), slice(bytes, plan, 1));
        storage().abortMultipart(key, uploadId);
        try {
            uploader().putPart(urls.get(1), slice(bytes, plan, 2));
        } catch (RuntimeException | AssertionError refused) {
            // S3 and the local store refuse a part of an aborted upload; GCS keeps it as an object
        }

        storage().abortMultipart(key, uploadId);

        assertThat(everythingStored()).noneMatch(name -> name.contains("/" + asset + "/") || name.contains(uploadId));
    }

    @Test
    void abortingAnUnknownUploadIsFine() {
        storage().abortMultipart(rawKey("party.mp4"), "no-such-upload");

        assertThat(storage().stat(rawKey("party.mp4"))).isEmpty();
    }

    @Test
    void aRenditionIsPutAndServedInlineWithItsType() throws IOException {
        ObjectKey key = derivedKey("thumbnail.webp");
        byte[] bytes = random(2048);
        Path source = Files.write(scratch.resolve("thumbnail.webp"), bytes);

        storage().put(key, source, ContentType.WEBP);
        Fetched fetched = uploader().get(storage().signGet(key, expiresAt, Delivery.inline(ContentType.WEBP)));

        assertThat(storage().stat(key)).contains(new StoredObject(2048, Optional.of(ContentType.WEBP)));
        assertThat(fetched.body()).isEqualTo(bytes);
        assertThat(fetched.contentType()).isEqualTo("image/webp");
        assertThat(fetched.contentDisposition().filter(value -> value.startsWith("attachment"))).isEmpty();
        assertThat(source).as("the source stays the caller's").exists();
    }

    @Test
    void aDownloadIsServedAsAnAttachmentWithItsName() {
        ObjectKey key = rawKey("report.pdf");
        byte[] bytes = random(500);
        ContentType pdf = new ContentType("application/pdf");
        uploader().put(storage().signPut(key, bytes.length, pdf, expiresAt), bytes);

        Fetched fetched = uploader().get(storage().signGet(key, expiresAt, Delivery.attachment(pdf, "report.pdf")));

        assertThat(fetched.body()).isEqualTo(bytes);
        assertThat(fetched.contentType()).isEqualTo("application/pdf");
        assertThat(fetched.contentDisposition()).hasValueSatisfying(value -> assertThat(value)
                .startsWith("attachment").contains("report.pdf"));
    }

    @Test
    void puttingAgainReplacesTheObject() throws IOException {
        ObjectKey key = derivedKey("preview.jpg");
        storage().put(key, Files.write(scratch.resolve("first"), random(100)), ContentType.JPEG);
        byte[] second = random(50);

        storage().put(key, Files.write(scratch.resolve("second"), second), ContentType.WEBP);

        assertThat(storage().stat(key)).contains(new StoredObject(50, Optional.of(ContentType.WEBP)));
        assertThat(storage().readHead(key, 100)).isEqualTo(second);
    }

    @Test
    void statOfAMissingKeyIsEmpty() {
        assertThat(storage().stat(rawKey("never.jpg"))).isEmpty();
    }

    @Test
    void deletingAMissingKeyIsFine() {
        storage().delete(rawKey("never.jpg"));

        assertThat(storage().stat(rawKey("never.jpg"))).isEmpty();
    }

    @Test
    void readingAMissingObjectFails() {
        assertThatThrownBy(() -> storage().readHead(rawKey("never.jpg"), 10)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> storage().localCopy(rawKey("never.jpg"))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aWorkingStoreIsHealthy() {
        assertThat(storage().isHealthy()).isTrue();
    }

    /** Three parts, the last one half as big: what a client's file usually looks like. */
    protected UploadPlan.Multipart planOfThreeWithASmallerLast() {
        return new UploadPlan.Multipart(partSize() * 2 + partSize() / 2, partSize(), 3);
    }

    /** Signs the plan's parts and PUTs the given ones in the given order; answers them ascending. */
    protected List<CompletedPart> uploadParts(ObjectKey key, String uploadId, UploadPlan.Multipart plan,
                                              byte[] bytes, List<Integer> numbers) {
        List<SignedPart> signed = storage().signParts(key, uploadId, plan.parts(), expiresAt);
        List<CompletedPart> completed = new ArrayList<>();
        for (int number : numbers) {
            String etag = uploader().putPart(signed.get(number - 1), slice(bytes, plan, number));
            assertThat(etag).isEqualTo(quotedMd5(slice(bytes, plan, number)));
            completed.add(new CompletedPart(number, etag));
        }
        completed.sort(Comparator.comparingInt(CompletedPart::partNumber));
        return completed;
    }

    protected static byte[] slice(byte[] bytes, UploadPlan.Multipart plan, int number) {
        int from = Math.toIntExact(plan.partSize() * (number - 1));
        return Arrays.copyOfRange(bytes, from, from + Math.toIntExact(plan.sizeOf(number)));
    }

    private static String refusalCode(MultipartOutcome outcome) {
        assertThat(outcome).isInstanceOf(MultipartOutcome.Refused.class);
        return ((MultipartOutcome.Refused) outcome).refusal().code();
    }
}
