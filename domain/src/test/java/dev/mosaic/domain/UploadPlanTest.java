package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class UploadPlanTest {

    @Test
    void aDirectPlanCarriesItsSize() {
        assertThat(new UploadPlan.Direct(1).fileSize()).isEqualTo(1);
    }

    @Test
    void aDirectPlanOfNothingIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadPlan.Direct(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadPlan.Direct(-1));
    }

    @Test
    void allPartsAreFullExceptTheLastWhichHoldsTheRemainder() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(25, 10, 3);

        assertThat(plan.parts()).containsExactly(
                new UploadPlan.Part(1, 10), new UploadPlan.Part(2, 10), new UploadPlan.Part(3, 5));
        assertThat(plan.sizeOf(1)).isEqualTo(10);
        assertThat(plan.sizeOf(3)).isEqualTo(5);
    }

    @Test
    void anExactMultipleEndsWithAFullPart() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(30, 10, 3);

        assertThat(plan.sizeOf(3)).isEqualTo(10);
    }

    @Test
    void aSinglePartHoldsTheWholeFile() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(7, 10, 1);

        assertThat(plan.parts()).containsExactly(new UploadPlan.Part(1, 7));
    }

    @Test
    void thereIsNoPartZeroAndNoPartAfterTheLast() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(25, 10, 3);

        assertThat(plan.hasPart(0)).isFalse();
        assertThat(plan.hasPart(1)).isTrue();
        assertThat(plan.hasPart(3)).isTrue();
        assertThat(plan.hasPart(4)).isFalse();
        assertThat(plan.hasPart(-1)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> plan.sizeOf(0));
        assertThatIllegalArgumentException().isThrownBy(() -> plan.sizeOf(4));
    }

    @Test
    void partCountsThatDoNotCoverTheFileExactlyAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadPlan.Multipart(25, 10, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadPlan.Multipart(25, 10, 4));
    }

    @Test
    void multipartNumbersMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadPlan.Multipart(0, 10, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadPlan.Multipart(10, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadPlan.Multipart(10, 10, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new UploadPlan.Multipart(-10, -10, 1));
    }

    @Test
    void partsOfAHugeFileDoNotOverflow() {
        long fiveGib = UploadPolicy.MAX_PART_SIZE;
        UploadPlan.Multipart plan = new UploadPlan.Multipart(fiveGib * 9_999 + 1, fiveGib, 10_000);

        assertThat(plan.sizeOf(10_000)).isEqualTo(1);
        assertThat(plan.sizeOf(9_999)).isEqualTo(fiveGib);
    }

    @Test
    void ceilingDivisionRoundsUp() {
        assertThat(UploadPlan.ceilDiv(10, 5)).isEqualTo(2);
        assertThat(UploadPlan.ceilDiv(11, 5)).isEqualTo(3);
        assertThat(UploadPlan.ceilDiv(1, 5)).isEqualTo(1);
    }
}
