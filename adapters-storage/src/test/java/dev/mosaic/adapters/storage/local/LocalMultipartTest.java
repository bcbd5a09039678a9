package dev.mosaic.adapters.storage.local;

import static dev.mosaic.adapters.storage.local.SignedUrls.filesUnder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.application.port.out.ObjectStorage.SignedPart;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How multipart uploads sit on disk: in their folder until completed or aborted, then gone. */
class LocalMultipartTest {

    private static final ObjectKey KEY = new ObjectKey("raw/1/2/movie.mp4");
    private static final UploadPlan.Multipart PLAN = new UploadPlan.Multipart(10, 4, 3);
    private static final byte[] BYTES = "0123456789".getBytes(StandardCharsets.US_ASCII);

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
    void uploadIdsAreLongRandomAndUrlSafe() {
        String first = fixture.storage.startMultipart(KEY, ContentType.MP4);
        String second = fixture.storage.startMultipart(KEY, ContentType.MP4);

        assertThat(first).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(second);
    }

    @Test
    void aCompletedUploadLeavesOnlyTheObject() {
        String uploadId = fixture.storage.startMultipart(KEY, ContentType.MP4);
        List<CompletedPart> parts = uploadAll(uploadId);

        assertThat(fixture.storage.completeMultipart(KEY, uploadId, PLAN, parts))
                .isEqualTo(new MultipartOutcome.Completed(10));
        assertThat(filesUnder(root)).containsExactly("raw/1/2/.movie.mp4.type", "raw/1/2/movie.mp4");
        assertThat(root.resolve("raw/1/2/movie.mp4")).hasBinaryContent(BYTES);
    }

    @Test
    void anAbortedUploadLeavesNothingAndTakesNoMoreParts() {
        String uploadId = fixture.storage.startMultipart(KEY, ContentType.MP4);
        List<SignedPart> signed = fixture.storage.signParts(KEY, uploadId, PLAN.parts(), inAnHour);
        fixture.http.putPart(signed.get(0), slice(1));

        fixture.storage.abortMultipart(KEY, uploadId);
        HttpResponse<byte[]> late = fixture.http.put(signed.get(1).url(), slice(2), Map.of());

        assertThat(filesUnder(root)).isEmpty();
        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(new String(late.body(), StandardCharsets.UTF_8)).isEqualTo("upload_not_found");
    }

    @Test
    void abortingUnderAnotherKeyLeavesTheUploadAlone() {
        String uploadId = fixture.storage.startMultipart(KEY, ContentType.MP4);
        List<CompletedPart> parts = uploadAll(uploadId);

        fixture.storage.abortMultipart(new ObjectKey("raw/1/3/movie.mp4"), uploadId);

        assertThat(fixture.storage.completeMultipart(KEY, uploadId, PLAN, parts))
                .isEqualTo(new MultipartOutcome.Completed(10));
    }

    @Test
    void aRetriedPartReplacesTheEarlierOne() {
        String uploadId = fixture.storage.startMultipart(KEY, ContentType.MP4);
        List<SignedPart> signed = fixture.storage.signParts(KEY, uploadId, PLAN.parts(), inAnHour);
        fixture.http.putPart(signed.get(0), "xxxx".getBytes(StandardCharsets.US_ASCII));
        List<CompletedPart> parts = uploadAll(uploadId);

        fixture.storage.completeMultipart(KEY, uploadId, PLAN, parts);

        assertThat(fixture.storage.readHead(KEY, 10)).isEqualTo(BYTES);
    }

    @Test
    void aPartOfAnotherLengthThanSignedIsRefused() {
        String uploadId = fixture.storage.startMultipart(KEY, ContentType.MP4);
        SignedPart first = fixture.storage.signParts(KEY, uploadId, PLAN.parts(), inAnHour).get(0);

        HttpResponse<byte[]> response = fixture.http.put(first.url(), BYTES, Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(filesUnder(root.resolve(".uploads"))).containsExactly(uploadId + "/.upload");
    }

    @Test
    void unknownOrMalformedUploadIdsAreNoSuchUpload() {
        List<CompletedPart> parts = List.of(new CompletedPart(1, "a"), new CompletedPart(2, "b"),
                new CompletedPart(3, "c"));

        assertThat(fixture.storage.completeMultipart(KEY, "../../raw/1/2", PLAN, parts))
                .isEqualTo(new MultipartOutcome.NoSuchUpload());
        assertThat(fixture.storage.completeMultipart(KEY, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", PLAN, parts))
                .isEqualTo(new MultipartOutcome.NoSuchUpload());
        fixture.storage.abortMultipart(KEY, "../..");
        assertThat(root).exists();
    }

    @Test
    void aCompletionCutShortByACrashCanBeCompletedAfterARestart() throws IOException {
        String uploadId = fixture.storage.startMultipart(KEY, ContentType.MP4);
        List<CompletedPart> parts = uploadAll(uploadId);
        Path uploads = root.resolve(".uploads");
        Files.move(uploads.resolve(uploadId), uploads.resolve(uploadId + ".completing"));
        fixture.close();

        try (LocalStorageFixture restarted = LocalStorageFixture.on(root)) {
            assertThat(restarted.storage.completeMultipart(KEY, uploadId, PLAN, parts))
                    .isEqualTo(new MultipartOutcome.Completed(10));
        }
    }

    @Test
    void aPartWhoseEtagFileIsMissingIsListedWithItsHashAndAPartSentAgainWithItsNewEtag() throws IOException {
        String uploadId = fixture.storage.startMultipart(KEY, ContentType.MP4);
        List<CompletedPart> sent = uploadAll(uploadId);
        List<Path> etagFiles;
        try (var files = Files.walk(root)) {
            etagFiles = files.filter(file -> file.getFileName().toString().equals("1.etag")).toList();
        }
        assertThat(etagFiles).hasSize(1);
        Files.delete(etagFiles.get(0));
        List<SignedPart> signed = fixture.storage.signParts(KEY, uploadId, PLAN.parts(), inAnHour);
        String again = fixture.http.putPart(signed.get(1), "abcd".getBytes(StandardCharsets.US_ASCII));

        List<UploadedPart> listed = fixture.storage.listParts(KEY, uploadId).orElseThrow();

        assertThat(listed).containsExactly(new UploadedPart(1, 4, sent.get(0).etag()),
                new UploadedPart(2, 4, again), new UploadedPart(3, 2, sent.get(2).etag()));
        assertThat(again).isNotEqualTo(sent.get(1).etag());
    }

    private List<CompletedPart> uploadAll(String uploadId) {
        List<SignedPart> signed = fixture.storage.signParts(KEY, uploadId, PLAN.parts(), inAnHour);
        return signed.stream()
                .map(part -> new CompletedPart(part.partNumber(), fixture.http.putPart(part, slice(part.partNumber()))))
                .toList();
    }

    private static byte[] slice(int number) {
        int from = (number - 1) * 4;
        return Arrays.copyOfRange(BYTES, from, Math.min(from + 4, BYTES.length));
    }
}
