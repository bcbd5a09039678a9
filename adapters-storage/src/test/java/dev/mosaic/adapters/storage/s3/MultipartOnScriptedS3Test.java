package dev.mosaic.adapters.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.adapters.storage.s3.ScriptedS3.Answer;
import dev.mosaic.adapters.storage.s3.ScriptedS3.Seen;
import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** S3's answers that S3Proxy never gives, scripted over HTTP and read by the SDK's own client. */
class MultipartOnScriptedS3Test {

    private static final long PART = 5 * 1024 * 1024;
    private static final UploadPlan.Multipart PLAN = new UploadPlan.Multipart(4 * PART + 10, PART, 5);
    private static final ObjectKey KEY = new ObjectKey("raw/1/2/film.mp4");
    private static final List<CompletedPart> CLAIMED = IntStream.rangeClosed(1, 5)
            .mapToObj(n -> new CompletedPart(n, "etag-" + n)).toList();

    @Test
    void everyPageOfListPartsIsReadAndThePartsAreJoinedAscending() {
        try (ScriptedS3 s3 = ScriptedS3.answering(MultipartOnScriptedS3Test::pagedByTwo);
             S3Storage storage = s3.storage(2)) {

            MultipartOutcome outcome = storage.completeMultipart(KEY, "u-1", PLAN, CLAIMED);

            assertThat(outcome).isEqualTo(new MultipartOutcome.Completed(PLAN.fileSize()));
            List<Seen> lists = s3.seen().stream().filter(Seen::isListParts).toList();
            assertThat(lists).extracting(seen -> seen.query().get("max-parts")).containsOnly("2");
            assertThat(lists).extracting(seen -> seen.query().getOrDefault("part-number-marker", "none"))
                    .containsExactly("none", "2", "4");
            Seen complete = s3.seen().stream().filter(Seen::isComplete).findFirst().orElseThrow();
            assertThat(partNumbersIn(complete.body())).containsExactly(1, 2, 3, 4, 5);
            assertThat(complete.body()).contains("<ETag>&quot;etag-5&quot;</ETag>");
        }
    }

    @Test
    void aPartMissingFromALaterPageIsRefused() {
        try (ScriptedS3 s3 = ScriptedS3.answering(request -> page(request, List.of(1, 2, 3, 4), 2, 4));
             S3Storage storage = s3.storage(2)) {

            MultipartOutcome outcome = storage.completeMultipart(KEY, "u-1", PLAN, CLAIMED);

            assertThat(outcome).isInstanceOfSatisfying(MultipartOutcome.Refused.class, refused -> assertThat(
                    refused.refusal()).isEqualTo(new Refusal("part_missing", "part 5 was not uploaded")));
            assertThat(s3.seen()).noneMatch(Seen::isComplete);
        }
    }

    @Test
    void aPageSayingMoreFollowsWithoutAMarkerFailsRatherThanLoops() {
        try (ScriptedS3 s3 = ScriptedS3.answering(request -> Answer.ok(listParts(List.of(1, 2), 2, true, null)));
             S3Storage storage = s3.storage(2)) {

            assertThatThrownBy(() -> storage.completeMultipart(KEY, "u-1", PLAN, CLAIMED))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("no next marker");
        }
    }

    @Test
    void listPartsOfAnUnknownUploadAnswersNoSuchUpload() {
        try (ScriptedS3 s3 = ScriptedS3.answering(request -> Answer.error(404, "NoSuchUpload"));
             S3Storage storage = s3.storage(2)) {

            assertThat(storage.completeMultipart(KEY, "gone", PLAN, CLAIMED))
                    .isEqualTo(new MultipartOutcome.NoSuchUpload());
            assertThat(s3.seen()).noneMatch(Seen::isComplete);
        }
    }

    @Test
    void anUploadThatVanishesBeforeCompletionAnswersNoSuchUpload() {
        try (ScriptedS3 s3 = ScriptedS3.answering(request -> request.isListParts()
                ? pagedByTwo(request) : Answer.error(404, "NoSuchUpload"));
             S3Storage storage = s3.storage(2)) {

            assertThat(storage.completeMultipart(KEY, "u-1", PLAN, CLAIMED))
                    .isEqualTo(new MultipartOutcome.NoSuchUpload());
        }
    }

    /** S3 may answer CompleteMultipartUpload {@code 200} and put the failure in the body. */
    @Test
    void anErrorInsideA200CompletionIsAStoreFailureNotASuccess() {
        try (ScriptedS3 s3 = ScriptedS3.answering(request -> request.isListParts()
                ? pagedByTwo(request) : new Answer(200, Answer.error(200, "InternalError").xml()));
             S3Storage storage = s3.storage(2)) {

            assertThatThrownBy(() -> storage.completeMultipart(KEY, "u-1", PLAN, CLAIMED))
                    .isInstanceOf(dev.mosaic.application.port.out.Unavailable.class)
                    .hasMessageContaining("CompleteMultipartUpload of " + KEY).hasMessageContaining("scripted InternalError");
        }
    }

    @Test
    void s3RefusingAListedPartAtCompletionIsAnEtagMismatch() {
        try (ScriptedS3 s3 = ScriptedS3.answering(request -> request.isListParts()
                ? pagedByTwo(request) : Answer.error(400, "InvalidPart"));
             S3Storage storage = s3.storage(2)) {

            assertThat(storage.completeMultipart(KEY, "u-1", PLAN, CLAIMED)).isInstanceOfSatisfying(
                    MultipartOutcome.Refused.class, refused -> assertThat(refused.refusal().code())
                            .isEqualTo("etag_mismatch"));
        }
    }

    @Test
    void s3FindingAPartTooSmallAtCompletionIsASizeMismatch() {
        try (ScriptedS3 s3 = ScriptedS3.answering(request -> request.isListParts()
                ? pagedByTwo(request) : Answer.error(400, "EntityTooSmall"));
             S3Storage storage = s3.storage(2)) {

            assertThat(storage.completeMultipart(KEY, "u-1", PLAN, CLAIMED)).isInstanceOfSatisfying(
                    MultipartOutcome.Refused.class, refused -> assertThat(refused.refusal().code())
                            .isEqualTo("part_size_mismatch"));
        }
    }

    @Test
    void abortIsRepeatedWhileTheStoreStillListsParts() {
        AtomicInteger lists = new AtomicInteger();
        try (ScriptedS3 s3 = ScriptedS3.answering(request -> {
            if (request.isAbort()) {
                return new Answer(204, "");
            }
            return lists.incrementAndGet() == 1 ? Answer.ok(listParts(List.of(3), 1000, false, null))
                    : Answer.error(404, "NoSuchUpload");
        });
             S3Storage storage = s3.storage(1000)) {

            storage.abortMultipart(KEY, "u-1");

            assertThat(s3.seen()).filteredOn(Seen::isAbort).hasSize(2);
        }
    }

    @Test
    void abortThatNeverEmptiesTheUploadFails() {
        try (ScriptedS3 s3 = ScriptedS3.answering(request -> request.isAbort()
                ? new Answer(204, "") : Answer.ok(listParts(List.of(3), 1000, false, null)));
             S3Storage storage = s3.storage(1000)) {

            assertThatThrownBy(() -> storage.abortMultipart(KEY, "u-1"))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("still holds 1 parts");
        }
    }

    /** Parts 1 to 5 of {@link #PLAN}, two a page, and a successful completion. */
    private static Answer pagedByTwo(Seen request) {
        if (request.isComplete()) {
            return Answer.ok(completed());
        }
        return page(request, List.of(1, 2, 3, 4, 5), 2, 5);
    }

    private static Answer page(Seen request, List<Integer> parts, int pageSize, int last) {
        int after = Integer.parseInt(request.query().getOrDefault("part-number-marker", "0"));
        List<Integer> page = parts.stream().filter(n -> n > after).limit(pageSize).toList();
        boolean truncated = page.get(page.size() - 1) < last;
        return Answer.ok(listParts(page, pageSize, truncated, truncated ? page.get(page.size() - 1) : null));
    }

    private static String listParts(List<Integer> numbers, int maxParts, boolean truncated, Integer next) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListPartsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Bucket>" + ScriptedS3.BUCKET
                + "</Bucket><Key>" + KEY + "</Key><UploadId>u-1</UploadId><MaxParts>" + maxParts + "</MaxParts>"
                + "<IsTruncated>" + truncated + "</IsTruncated>");
        if (next != null) {
            xml.append("<NextPartNumberMarker>").append(next).append("</NextPartNumberMarker>");
        }
        for (int n : numbers) {
            xml.append("<Part><PartNumber>").append(n).append("</PartNumber>")
                    .append("<LastModified>2026-01-01T00:00:00.000Z</LastModified>")
                    .append("<ETag>\"etag-").append(n).append("\"</ETag><Size>").append(PLAN.sizeOf(n))
                    .append("</Size></Part>");
        }
        return xml.append("</ListPartsResult>").toString();
    }

    private static String completed() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUploadResult "
                + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Bucket>" + ScriptedS3.BUCKET + "</Bucket><Key>"
                + KEY + "</Key><ETag>\"joined-5\"</ETag></CompleteMultipartUploadResult>";
    }

    private static List<Integer> partNumbersIn(String completeBody) {
        Matcher matcher = Pattern.compile("<PartNumber>(\\d+)</PartNumber>").matcher(completeBody);
        return matcher.results().map(result -> Integer.parseInt(result.group(1))).toList();
    }
}
