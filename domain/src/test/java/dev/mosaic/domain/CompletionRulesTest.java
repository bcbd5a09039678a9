package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionRulesTest {

    private final UploadPlan.Multipart threeParts = new UploadPlan.Multipart(15_000_000, 5_242_880, 3);

    @Test
    void everyPartOnceInOrderWithAnEtagIsComplete() {
        assertThat(CompletionRules.check(threeParts, parts(1, 2, 3))).isEqualTo(PartsCheck.PASSED);
    }

    @Test
    void noPartsAtAllAreMissing() {
        assertThat(code(CompletionRules.check(threeParts, List.of()))).isEqualTo("parts_missing");
        assertThat(code(CompletionRules.check(threeParts, null))).isEqualTo("parts_missing");
    }

    @Test
    void aPartOutsideThePlanIsOutOfRange() {
        assertThat(code(CompletionRules.check(threeParts, parts(1, 2, 4)))).isEqualTo("part_number_out_of_range");
        assertThat(code(CompletionRules.check(threeParts, parts(0, 1, 2)))).isEqualTo("part_number_out_of_range");
    }

    @Test
    void theOutOfRangeRefusalNamesThePartAndThePlan() {
        PartsCheck check = CompletionRules.check(threeParts, parts(1, 2, 4));

        assertThat(((PartsCheck.Refused) check).refusal().detail()).contains("part 4", "3 parts");
    }

    @Test
    void partsListedOutOfOrderAreRefused() {
        assertThat(code(CompletionRules.check(threeParts, parts(2, 1, 3)))).isEqualTo("parts_not_ascending");
    }

    @Test
    void aPartListedTwiceIsRefused() {
        assertThat(code(CompletionRules.check(threeParts, parts(1, 1, 2, 3)))).isEqualTo("parts_not_ascending");
    }

    @Test
    void aMissingPartLeavesTheUploadIncomplete() {
        assertThat(code(CompletionRules.check(threeParts, parts(1, 3)))).isEqualTo("parts_incomplete");
        assertThat(((PartsCheck.Refused) CompletionRules.check(threeParts, parts(1, 2))).refusal().detail()).contains("2 of 3");
    }

    @Test
    void aPartWithoutAnEtagIsRefused() {
        List<CompletedPart> noEtag = List.of(new CompletedPart(1, "a"), new CompletedPart(2, null),
                new CompletedPart(3, "c"));
        List<CompletedPart> blankEtag = List.of(new CompletedPart(1, "a"), new CompletedPart(2, "b"),
                new CompletedPart(3, "  "));

        assertThat(code(CompletionRules.check(threeParts, noEtag))).isEqualTo("etag_missing");
        assertThat(code(CompletionRules.check(threeParts, blankEtag))).isEqualTo("etag_missing");
    }

    @Test
    void anEtagLongerThanAHundredTwentyEightCharactersIsRefused() {
        List<CompletedPart> longest = List.of(new CompletedPart(1, "e".repeat(128)));
        List<CompletedPart> tooLong = List.of(new CompletedPart(1, "e".repeat(129)));
        UploadPlan.Multipart onePart = new UploadPlan.Multipart(6_000_000, 8_388_608, 1);

        assertThat(CompletionRules.check(onePart, longest)).isEqualTo(PartsCheck.PASSED);
        assertThat(code(CompletionRules.check(onePart, tooLong))).isEqualTo("etag_invalid");
    }

    @Test
    void etagsCompareWithoutQuotes() {
        assertThat(CompletionRules.normalizeEtag("\"9b2cf535f27731c974343645a3985328\""))
                .isEqualTo("9b2cf535f27731c974343645a3985328");
        assertThat(CompletionRules.normalizeEtag("9b2cf535f27731c974343645a3985328"))
                .isEqualTo("9b2cf535f27731c974343645a3985328");
    }

    @Test
    void weakEtagsAndSurroundingSpacesAreNormalisedAway() {
        assertThat(CompletionRules.normalizeEtag(" W/\"abc-2\" ")).isEqualTo("abc-2");
    }

    @Test
    void aMissingEtagNormalisesToEmpty() {
        assertThat(CompletionRules.normalizeEtag(null)).isEmpty();
    }

    private static List<CompletedPart> parts(int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(n -> new CompletedPart(n, "\"etag-" + n + "\"")).toList();
    }

    private static String code(PartsCheck check) {
        return check instanceof PartsCheck.Refused refused ? refused.refusal().code() : "accepted";
    }

    @org.junit.jupiter.api.Test
    void anOverlongEtagIsInvalidNotMissing() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(10 * UploadPolicy.MIB, 5 * UploadPolicy.MIB, 2);
        assertThat(code(CompletionRules.check(plan, List.of(
                new CompletedPart(1, "x".repeat(129)), new CompletedPart(2, "b"))))).isEqualTo("etag_invalid");
    }

    @Test
    void whatTheStoreHoldsMustBeThePlanWithTheReportedEtags() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(12, 5, 3);
        List<CompletedPart> reported = List.of(new CompletedPart(1, "\"AA\""), new CompletedPart(2, "bb"),
                new CompletedPart(3, "cc"));
        java.util.Map<Integer, UploadedPart> held = new java.util.HashMap<>(java.util.Map.of(
                1, new UploadedPart(1, 5, "aa"), 2, new UploadedPart(2, 5, "bb"), 3, new UploadedPart(3, 2, "cc")));

        assertThat(CompletionRules.checkUploaded(plan, reported, held)).isEqualTo(PartsCheck.PASSED);

        held.put(3, new UploadedPart(3, 3, "cc"));
        assertThat(code(CompletionRules.checkUploaded(plan, reported, held))).isEqualTo("part_size_mismatch");
        held.put(3, new UploadedPart(3, 2, "dd"));
        assertThat(code(CompletionRules.checkUploaded(plan, reported, held))).isEqualTo("etag_mismatch");
        held.put(3, new UploadedPart(3, 2, ""));
        assertThat(code(CompletionRules.checkUploaded(plan, reported, held))).isEqualTo("etag_mismatch");
        held.remove(3);
        assertThat(code(CompletionRules.checkUploaded(plan, reported, held))).isEqualTo("part_missing");
        held.put(3, new UploadedPart(3, 2, "cc"));
        assertThat(code(CompletionRules.checkUploaded(plan, reported.subList(0, 2), held))).isEqualTo("part_missing");
    }
}
