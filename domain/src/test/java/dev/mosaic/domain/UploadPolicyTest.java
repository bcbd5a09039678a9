package dev.mosaic.domain;

import static dev.mosaic.domain.UploadPolicy.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadPolicyTest {

    private final UploadPolicy policy = UploadPolicy.defaults();

    @Test
    void theGuidesVideoWithItsProposalGetsThreeParts() {
        PlanResult result = policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(5_242_880L, 3L));

        UploadPlan.Multipart plan = multipart(result);
        assertThat(plan.fileSize()).isEqualTo(15_000_000);
        assertThat(plan.partSize()).isEqualTo(5_242_880);
        assertThat(plan.numParts()).isEqualTo(3);
        assertThat(plan.parts()).extracting(UploadPlan.Part::size)
                .containsExactly(5_242_880L, 5_242_880L, 4_514_240L);
    }

    @Test
    void theGuidesImageUploadsDirect() {
        assertThat(policy.plan(AssetKind.IMAGE, 3_050_000, PartProposal.NONE))
                .isEqualTo(new PlanResult.Planned(new UploadPlan.Direct(3_050_000)));
    }

    @Test
    void theGuidesPdfUploadsDirect() {
        assertThat(policy.plan(AssetKind.FILE, 102_400, PartProposal.NONE))
                .isEqualTo(new PlanResult.Planned(new UploadPlan.Direct(102_400)));
    }

    @Test
    void exactlyFiveMebibytesStillUploadsDirect() {
        assertThat(policy.plan(AssetKind.FILE, 5 * MIB, PartProposal.NONE))
                .isEqualTo(new PlanResult.Planned(new UploadPlan.Direct(5 * MIB)));
    }

    @Test
    void aProposalForASmallFileIsIgnoredAndTheFileUploadsDirect() {
        assertThat(policy.plan(AssetKind.FILE, 5 * MIB, new PartProposal(-1L, 99_999L)))
                .isEqualTo(new PlanResult.Planned(new UploadPlan.Direct(5 * MIB)));
    }

    @Test
    void oneByteOverFiveMebibytesGoesMultipart() {
        UploadPlan.Multipart plan = multipart(policy.plan(AssetKind.FILE, 5 * MIB + 1, PartProposal.NONE));

        assertThat(plan.numParts()).isEqualTo(1);
        assertThat(plan.partSize()).isEqualTo(8 * MIB);
        assertThat(plan.sizeOf(1)).isEqualTo(5 * MIB + 1);
    }

    @Test
    void withoutAProposalTheServerCutsDefaultSizedParts() {
        UploadPlan.Multipart plan = multipart(policy.plan(AssetKind.VIDEO, 20 * MIB, PartProposal.NONE));

        assertThat(plan.partSize()).isEqualTo(8 * MIB);
        assertThat(plan.numParts()).isEqualTo(3);
        assertThat(plan.sizeOf(3)).isEqualTo(4 * MIB);
    }

    @Test
    void forHugeFilesTheServerGrowsPartsToStayWithinTenThousand() {
        UploadPolicy roomy = new UploadPolicy(10, 4096, MIB, 1L << 42, MIB, 5 * MIB, 5 * MIB);
        long fourTebibytes = 1L << 42;

        UploadPlan.Multipart plan = multipart(roomy.plan(AssetKind.VIDEO, fourTebibytes, PartProposal.NONE));

        assertThat(plan.numParts()).isLessThanOrEqualTo(UploadPolicy.MAX_PARTS);
        assertThat(plan.partSize() % MIB).isZero();
        assertThat(plan.partSize()).isEqualTo(420 * MIB);
    }

    @Test
    void theServersPartSizeIsTheSmallestWholeMebibyteThatKeepsTenThousandParts() {
        UploadPolicy roomy = new UploadPolicy(10, 4096, MIB, 1L << 42, MIB, 5 * MIB, 5 * MIB);
        long fileSize = 10_000 * 6 * MIB + 1;

        UploadPlan.Multipart plan = multipart(roomy.plan(AssetKind.VIDEO, fileSize, PartProposal.NONE));

        assertThat(plan.partSize()).isEqualTo(7 * MIB);
        assertThat(plan.numParts()).isEqualTo(8572);
    }

    @Test
    void aProposedPartCountAloneDecidesThePartSize() {
        UploadPlan.Multipart plan = multipart(policy.plan(AssetKind.VIDEO, 30 * MIB, new PartProposal(null, 3L)));

        assertThat(plan.partSize()).isEqualTo(10 * MIB);
        assertThat(plan.numParts()).isEqualTo(3);
    }

    @Test
    void aProposedPartSizeAloneDecidesThePartCount() {
        UploadPlan.Multipart plan = multipart(policy.plan(AssetKind.VIDEO, 30 * MIB, new PartProposal(6 * MIB, null)));

        assertThat(plan.partSize()).isEqualTo(6 * MIB);
        assertThat(plan.numParts()).isEqualTo(5);
    }

    @Test
    void aPartCountThatCannotHoldTheFileIsInconsistent() {
        assertThat(refusalCode(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(5_242_880L, 2L))))
                .isEqualTo("part_proposal_inconsistent");
    }

    @Test
    void aPartCountWithAnEmptyPartIsInconsistent() {
        assertThat(refusalCode(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(5_242_880L, 4L))))
                .isEqualTo("part_proposal_inconsistent");
    }

    @Test
    void theInconsistencyIsExplainedWithTheNeededCount() {
        PlanResult result = policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(5_242_880L, 4L));

        assertThat(((PlanResult.Refused) result).refusal().detail()).contains("4 parts", "takes 3");
    }

    @Test
    void partSmallerThanFiveMebibytesIsRejected() {
        assertThat(refusalCode(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(5 * MIB - 1, null))))
                .isEqualTo("part_size_out_of_range");
    }

    @Test
    void partOfExactlyFiveMebibytesIsAccepted() {
        assertThat(multipart(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(5 * MIB, null))).partSize())
                .isEqualTo(5 * MIB);
    }

    @Test
    void partLargerThanFiveGibibytesIsRejected() {
        UploadPolicy roomy = new UploadPolicy(10, 4096, MIB, 1L << 40, MIB, 5 * MIB, 8 * MIB);

        assertThat(refusalCode(roomy.plan(AssetKind.VIDEO, 6 * 1024 * MIB,
                new PartProposal(UploadPolicy.MAX_PART_SIZE + 1, null)))).isEqualTo("part_size_out_of_range");
        assertThat(multipart(roomy.plan(AssetKind.VIDEO, 6 * 1024 * MIB,
                new PartProposal(UploadPolicy.MAX_PART_SIZE, null))).numParts()).isEqualTo(2);
    }

    @Test
    void aPartCountThatMakesPartsTooSmallIsRejectedAsPartSize() {
        assertThat(refusalCode(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(null, 4L))))
                .isEqualTo("part_size_out_of_range");
    }

    @Test
    void negativeOrZeroProposalsAreRefused() {
        assertThat(refusalCode(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(-5_242_880L, null))))
                .isEqualTo("part_size_out_of_range");
        assertThat(refusalCode(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(0L, null))))
                .isEqualTo("part_size_out_of_range");
        assertThat(refusalCode(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(5_242_880L, 0L))))
                .isEqualTo("part_count_out_of_range");
        assertThat(refusalCode(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(null, -3L))))
                .isEqualTo("part_count_out_of_range");
    }

    @Test
    void moreThanTenThousandProposedPartsAreRefused() {
        assertThat(refusalCode(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(null, 10_001L))))
                .isEqualTo("part_count_out_of_range");
    }

    @Test
    void aPartSizeThatNeedsMoreThanTenThousandPartsIsRefused() {
        UploadPolicy roomy = new UploadPolicy(10, 4096, MIB, 1L << 40, MIB, 5 * MIB, 8 * MIB);

        assertThat(refusalCode(roomy.plan(AssetKind.VIDEO, 10_000 * 5 * MIB + 1, new PartProposal(5 * MIB, null))))
                .isEqualTo("part_count_out_of_range");
        assertThat(multipart(roomy.plan(AssetKind.VIDEO, 10_000 * 5 * MIB, new PartProposal(5 * MIB, null)))
                .numParts()).isEqualTo(10_000);
    }

    @Test
    void exactlyTenThousandProposedPartsAreAccepted() {
        UploadPolicy roomy = new UploadPolicy(10, 4096, MIB, 1L << 40, MIB, 5 * MIB, 8 * MIB);

        assertThat(multipart(roomy.plan(AssetKind.VIDEO, 10_000 * 6 * MIB, new PartProposal(null, 10_000L)))
                .partSize()).isEqualTo(6 * MIB);
    }

    @Test
    void aSinglePartProposalIsAcceptedWhenThePartIsBigEnough() {
        assertThat(multipart(policy.plan(AssetKind.VIDEO, 15_000_000, new PartProposal(null, 1L))).numParts())
                .isEqualTo(1);
    }

    @Test
    void zeroOrNegativeFileSizesAreRefused() {
        assertThat(refusalCode(policy.plan(AssetKind.IMAGE, 0, PartProposal.NONE))).isEqualTo("file_size_invalid");
        assertThat(refusalCode(policy.plan(AssetKind.IMAGE, -1, PartProposal.NONE))).isEqualTo("file_size_invalid");
    }

    @Test
    void eachKindIsLimitedToItsOwnMaximum() {
        assertThat(policy.plan(AssetKind.IMAGE, 50 * MIB, PartProposal.NONE)).isInstanceOf(PlanResult.Planned.class);
        assertThat(refusalCode(policy.plan(AssetKind.IMAGE, 50 * MIB + 1, PartProposal.NONE)))
                .isEqualTo("file_too_large");
        assertThat(policy.plan(AssetKind.VIDEO, 4096 * MIB, PartProposal.NONE)).isInstanceOf(PlanResult.Planned.class);
        assertThat(refusalCode(policy.plan(AssetKind.VIDEO, 4096 * MIB + 1, PartProposal.NONE)))
                .isEqualTo("file_too_large");
        assertThat(policy.plan(AssetKind.FILE, 2048 * MIB, PartProposal.NONE)).isInstanceOf(PlanResult.Planned.class);
        assertThat(refusalCode(policy.plan(AssetKind.FILE, 2048 * MIB + 1, PartProposal.NONE)))
                .isEqualTo("file_too_large");
    }

    @Test
    void theTooLargeRefusalNamesTheKindAndItsLimit() {
        PlanResult result = policy.plan(AssetKind.IMAGE, 50 * MIB + 1, PartProposal.NONE);

        assertThat(((PlanResult.Refused) result).refusal().detail()).contains("image", Long.toString(50 * MIB));
    }

    static UploadPlan.Multipart multipart(PlanResult result) {
        assertThat(result).isInstanceOf(PlanResult.Planned.class);
        UploadPlan plan = ((PlanResult.Planned) result).plan();
        assertThat(plan).isInstanceOf(UploadPlan.Multipart.class);
        return (UploadPlan.Multipart) plan;
    }

    static String refusalCode(PlanResult result) {
        assertThat(result).isInstanceOf(PlanResult.Refused.class);
        return ((PlanResult.Refused) result).refusal().code();
    }

    @org.junit.jupiter.api.Test
    void aPolicyAllowingFilesLargerThanTenThousandPartsOfFiveGibibytesIsRefused() {
        long fiftyTebibytes = 50L * 1024 * 1024 * 1024 * 1024;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new UploadPolicy(10, 4096, 1, fiftyTebibytes, 1,
                5 * UploadPolicy.MIB, 8 * UploadPolicy.MIB)).isInstanceOf(IllegalArgumentException.class);
    }
}
