package dev.mosaic.adapters.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.UploadedPart;
import dev.mosaic.domain.PartsCheck;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartCheckTest {

    private static final UploadPlan.Multipart PLAN = new UploadPlan.Multipart(25, 10, 3);
    private static final String MD5 = "9e107d9d372bb6826bd81d3542a419d6";

    @Test
    void theClientsEtagIsTheHexMd5InAnyCaseWithOrWithoutQuotes() {
        List<CompletedPart> claimed = List.of(new CompletedPart(1, '"' + MD5 + '"'),
                new CompletedPart(2, MD5.toUpperCase()), new CompletedPart(3, MD5));

        assertThat(CompletionRules.checkUploaded(PLAN, claimed, stored(10, 10, 5))).isEqualTo(PartsCheck.PASSED);
    }

    @Test
    void aPartWithoutAnMd5CannotBeVouchedFor() {
        Map<Integer, UploadedPart> stored = Map.of(
                1, part(1, 10, Optional.of(MD5)), 2, part(2, 10, Optional.empty()), 3, part(3, 5, Optional.of(MD5)));

        assertThat(code(CompletionRules.checkUploaded(PLAN, claimedAll(), stored))).isEqualTo("etag_mismatch");
    }

    @Test
    void sizesAreCheckedBeforeEtags() {
        List<CompletedPart> wrongEtags = List.of(new CompletedPart(1, "x"), new CompletedPart(2, "x"),
                new CompletedPart(3, "x"));

        assertThat(code(CompletionRules.checkUploaded(PLAN, wrongEtags, stored(10, 9, 5)))).isEqualTo("part_size_mismatch");
    }

    @Test
    void aPartTheClientDidNotNameIsMissing() {
        List<CompletedPart> twoOfThree = List.of(new CompletedPart(1, MD5), new CompletedPart(3, MD5));

        assertThat(code(CompletionRules.checkUploaded(PLAN, twoOfThree, stored(10, 10, 5)))).isEqualTo("part_missing");
    }

    private static List<CompletedPart> claimedAll() {
        return List.of(new CompletedPart(1, MD5), new CompletedPart(2, MD5), new CompletedPart(3, MD5));
    }

    private static Map<Integer, UploadedPart> stored(long first, long second, long third) {
        return Map.of(1, part(1, first, Optional.of(MD5)), 2, part(2, second, Optional.of(MD5)),
                3, part(3, third, Optional.of(MD5)));
    }

    /** A part's temporary object as GCS lists it: no MD5 kept reads as an empty ETag. */
    private static UploadedPart part(int number, long size, Optional<String> md5) {
        return new UploadedPart(number, size, md5.orElse(""));
    }

    private static String code(PartsCheck check) {
        return check instanceof PartsCheck.Refused refused ? refused.refusal().code() : "passed";
    }
}
