package dev.mosaic.domain;

import static dev.mosaic.domain.UploadPolicy.MAX_PARTS;
import static dev.mosaic.domain.UploadPolicy.MAX_PART_SIZE;
import static dev.mosaic.domain.UploadPolicy.MIB;
import static dev.mosaic.domain.UploadPolicy.MIN_PART_SIZE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class UploadPolicyProperties {

    private static final long TIB = 1L << 40;
    private static final Set<String> PLANNING_CODES = Set.of("file_size_invalid", "file_too_large",
            "part_size_out_of_range", "part_count_out_of_range", "part_proposal_inconsistent");

    /** Limits high enough that every size up to 6 TiB reaches the multipart rules. */
    private final UploadPolicy roomy = new UploadPolicy(10, 4096, 6 * TIB, 6 * TIB, 6 * TIB, 5 * MIB, 8 * MIB);

    @Test
    void everyPlanCoversTheFileExactlyWithinS3sPartRulesOrIsRefusedWithACode() {
        qt().withExamples(3_000)
                .forAll(kinds(), fileSizes(), proposalNumbers(), proposalNumbers())
                .checkAssert((kind, fileSize, partSize, numParts) -> {
                    PlanResult result = roomy.plan(kind, fileSize, new PartProposal(partSize, numParts));
                    assertPlannedWithinTheRulesOrRefused(roomy, fileSize, result);
                });
    }

    @Test
    void theDefaultPolicyObeysTheSameRules() {
        qt().withExamples(2_000)
                .forAll(kinds(), fileSizes(), proposalNumbers(), proposalNumbers())
                .checkAssert((kind, fileSize, partSize, numParts) -> {
                    UploadPolicy defaults = UploadPolicy.defaults();
                    PlanResult result = defaults.plan(kind, fileSize, new PartProposal(partSize, numParts));
                    assertPlannedWithinTheRulesOrRefused(defaults, fileSize, result);
                    if (fileSize > defaults.maxBytes(kind)) {
                        assertThat(result).isInstanceOfSatisfying(PlanResult.Refused.class,
                                refused -> assertThat(refused.refusal().code()).isEqualTo("file_too_large"));
                    }
                });
    }

    @Test
    void aFileAtOrBelowTheThresholdAlwaysUploadsDirectWhateverWasProposed() {
        qt().forAll(kinds(), longs().between(1, 5 * MIB), proposalNumbers(), proposalNumbers())
                .checkAssert((kind, fileSize, partSize, numParts) -> assertThat(
                        roomy.plan(kind, fileSize, new PartProposal(partSize, numParts)))
                        .isEqualTo(new PlanResult.Planned(new UploadPlan.Direct(fileSize))));
    }

    @Test
    void withoutAProposalEveryFileGetsAPlan() {
        qt().forAll(kinds(), fileSizes())
                .checkAssert((kind, fileSize) -> assertThat(roomy.plan(kind, fileSize, PartProposal.NONE))
                        .isInstanceOf(PlanResult.Planned.class));
    }

    @Test
    void aConsistentProposalWithinTheRulesIsTakenAsProposed() {
        qt().forAll(longs().between(5 * MIB + 1, 6 * TIB), longs().between(MIN_PART_SIZE, MAX_PART_SIZE))
                .assuming((fileSize, partSize) -> UploadPlan.ceilDiv(fileSize, partSize) <= MAX_PARTS)
                .checkAssert((fileSize, partSize) -> {
                    long numParts = UploadPlan.ceilDiv(fileSize, partSize);
                    PlanResult result = roomy.plan(AssetKind.VIDEO, fileSize, new PartProposal(partSize, numParts));
                    assertThat(result).isEqualTo(new PlanResult.Planned(
                            new UploadPlan.Multipart(fileSize, partSize, (int) numParts)));
                });
    }

    private static void assertPlannedWithinTheRulesOrRefused(UploadPolicy policy, long fileSize, PlanResult result) {
        if (result instanceof PlanResult.Refused refused) {
            assertThat(refused.refusal().code()).isIn(PLANNING_CODES);
            assertThat(refused.refusal().detail()).isNotBlank();
            return;
        }
        UploadPlan plan = ((PlanResult.Planned) result).plan();
        assertThat(plan.fileSize()).isEqualTo(fileSize);
        if (plan instanceof UploadPlan.Direct) {
            assertThat(fileSize).isLessThanOrEqualTo(policy.multipartThreshold());
            return;
        }
        assertThat(fileSize).isGreaterThan(policy.multipartThreshold());
        List<UploadPlan.Part> parts = ((UploadPlan.Multipart) plan).parts();
        assertThat(parts).hasSizeBetween(1, MAX_PARTS);
        long covered = 0;
        for (UploadPlan.Part part : parts) {
            boolean last = part.number() == parts.size();
            assertThat(part.size()).isPositive().isLessThanOrEqualTo(MAX_PART_SIZE);
            if (!last) {
                assertThat(part.size()).isGreaterThanOrEqualTo(MIN_PART_SIZE);
            }
            covered += part.size();
        }
        assertThat(covered).isEqualTo(fileSize);
    }

    private static Gen<AssetKind> kinds() {
        return Generate.enumValues(AssetKind.class);
    }

    private static Gen<Long> fileSizes() {
        return Generate.oneOf(
                longs().between(1, 6 * TIB),
                longs().between(1, 64 * MIB),
                longs().between(5 * MIB - 2, 5 * MIB + 2),
                longs().between(10_000 * MIN_PART_SIZE - 2, 10_000 * MIN_PART_SIZE + 2));
    }

    /** Absent, any long at all, small counts, or sizes around S3's part limits. */
    private static Gen<Long> proposalNumbers() {
        Gen<Long> number = Generate.oneOf(
                longs().all(),
                longs().between(-10, MAX_PARTS + 10),
                longs().between(MIN_PART_SIZE - 10, MIN_PART_SIZE + 10),
                longs().between(MIN_PART_SIZE, MAX_PART_SIZE + 10));
        return number.toOptionals(30).map(optional -> optional.orElse(null));
    }
}
