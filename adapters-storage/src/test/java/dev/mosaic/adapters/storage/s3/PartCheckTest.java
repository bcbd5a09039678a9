package dev.mosaic.adapters.storage.s3;

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

    private static final UploadPlan.Multipart PLAN = new UploadPlan.Multipart(250, 100, 3);
    private static final List<CompletedPart> CLAIMED = List.of(
            new CompletedPart(1, "\"a\""), new CompletedPart(2, "\"b\""), new CompletedPart(3, "\"c\""));

    @Test
    void thePlannedPartsWithTheClaimedEtagsPass() {
        assertThat(CompletionRules.checkUploaded(PLAN, CLAIMED, stored(100, 100, 50))).isEqualTo(PartsCheck.PASSED);
    }

    @Test
    void etagsCompareWithoutQuotesOnEitherSide() {
        List<CompletedPart> bare = List.of(new CompletedPart(1, "a"), new CompletedPart(2, "b"), new CompletedPart(3, "c"));

        assertThat(CompletionRules.checkUploaded(PLAN, bare, stored(100, 100, 50))).isEqualTo(PartsCheck.PASSED);
    }

    @Test
    void aPartTheStoreDoesNotListIsMissing() {
        Map<Integer, UploadedPart> onlyTwo = Map.of(1, new UploadedPart(1, 100, "\"a\""), 3, new UploadedPart(3, 50, "\"c\""));

        assertThat(CompletionRules.checkUploaded(PLAN, CLAIMED, onlyTwo))
                .isEqualTo(new PartsCheck.Refused(new Refusal("part_missing", "part 2 was not uploaded")));
    }

    @Test
    void aPartTheClientDoesNotClaimIsMissing() {
        assertThat(code(CompletionRules.checkUploaded(PLAN, CLAIMED.subList(0, 2), stored(100, 100, 50)))).isEqualTo("part_missing");
    }

    @Test
    void aPartOfAnotherSizeThanPlannedIsRefused() {
        assertThat(CompletionRules.checkUploaded(PLAN, CLAIMED, stored(100, 99, 50)))
                .isEqualTo(new PartsCheck.Refused(new Refusal("part_size_mismatch", "part 2 has 99 bytes, the plan says 100")));
        assertThat(code(CompletionRules.checkUploaded(PLAN, CLAIMED, stored(100, 100, 51)))).isEqualTo("part_size_mismatch");
    }

    @Test
    void anEtagOtherThanTheStoresIsRefused() {
        List<CompletedPart> wrong = List.of(CLAIMED.get(0), new CompletedPart(2, "\"x\""), CLAIMED.get(2));

        assertThat(code(CompletionRules.checkUploaded(PLAN, wrong, stored(100, 100, 50)))).isEqualTo("etag_mismatch");
    }

    @Test
    void anEmptyEtagFromTheStoreNeverMatches() {
        Map<Integer, UploadedPart> blank = Map.of(1, new UploadedPart(1, 100, ""), 2, new UploadedPart(2, 100, "\"b\""),
                3, new UploadedPart(3, 50, "\"c\""));
        List<CompletedPart> blankClaim = List.of(new CompletedPart(1, "\"\""), CLAIMED.get(1), CLAIMED.get(2));

        assertThat(code(CompletionRules.checkUploaded(PLAN, blankClaim, blank))).isEqualTo("etag_mismatch");
    }

    @Test
    void extraStoredPartsBeyondThePlanAreNotJoinedAndDoNotRefuse() {
        Map<Integer, UploadedPart> extra = new java.util.HashMap<>(stored(100, 100, 50));
        extra.put(4, new UploadedPart(4, 10, "\"d\""));

        assertThat(CompletionRules.checkUploaded(PLAN, CLAIMED, extra)).isEqualTo(PartsCheck.PASSED);
    }

    private static Map<Integer, UploadedPart> stored(long first, long second, long third) {
        return Map.of(1, new UploadedPart(1, first, "\"a\""), 2, new UploadedPart(2, second, "\"b\""),
                3, new UploadedPart(3, third, "\"c\""));
    }

    private static String code(PartsCheck check) {
        return check instanceof PartsCheck.Refused refused ? refused.refusal().code() : "passed";
    }
}
