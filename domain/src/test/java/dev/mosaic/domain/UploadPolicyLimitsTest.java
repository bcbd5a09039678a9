package dev.mosaic.domain;

import static dev.mosaic.domain.UploadPolicy.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class UploadPolicyLimitsTest {

    private final UploadPolicy policy = UploadPolicy.defaults();

    @Test
    void theDefaultsAreWhatAChatNeeds() {
        assertThat(policy.maxAttachments()).isEqualTo(10);
        assertThat(policy.maxTextLength()).isEqualTo(4096);
        assertThat(policy.maxBytes(AssetKind.IMAGE)).isEqualTo(50 * MIB);
        assertThat(policy.maxBytes(AssetKind.VIDEO)).isEqualTo(4096 * MIB);
        assertThat(policy.maxBytes(AssetKind.FILE)).isEqualTo(2048 * MIB);
        assertThat(policy.multipartThreshold()).isEqualTo(5 * MIB);
        assertThat(policy.defaultPartSize()).isEqualTo(8 * MIB);
    }

    @Test
    void aLowerThresholdThanTheSmallestPartIsInconsistent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UploadPolicy(10, 4096, MIB, MIB, MIB, 5 * MIB - 1, 8 * MIB));
    }

    @Test
    void aDefaultPartSizeOutsideS3sLimitsIsInconsistent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UploadPolicy(10, 4096, MIB, MIB, MIB, 5 * MIB, 5 * MIB - 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UploadPolicy(10, 4096, MIB, MIB, MIB, 5 * MIB, UploadPolicy.MAX_PART_SIZE + 1));
        assertThat(new UploadPolicy(10, 4096, MIB, MIB, MIB, 5 * MIB, UploadPolicy.MAX_PART_SIZE).defaultPartSize())
                .isEqualTo(UploadPolicy.MAX_PART_SIZE);
    }

    @Test
    void anAlbumHoldsAtLeastOneAttachmentAndTextCannotBeNegative() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UploadPolicy(0, 4096, MIB, MIB, MIB, 5 * MIB, 8 * MIB));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UploadPolicy(10, -1, MIB, MIB, MIB, 5 * MIB, 8 * MIB));
        assertThat(new UploadPolicy(1, 0, MIB, MIB, MIB, 5 * MIB, 5 * MIB).maxAttachments()).isEqualTo(1);
    }

    @Test
    void textIsMeasuredInCodePointsSoEmojiCountOnce() {
        UploadPolicy three = new UploadPolicy(10, 3, MIB, MIB, MIB, 5 * MIB, 8 * MIB);

        assertThat(three.textFits("🌴🌴🌴")).isTrue();
        assertThat(three.textFits("abc")).isTrue();
        assertThat(three.textFits("abcd")).isFalse();
        assertThat(three.textFits("")).isTrue();
        assertThat(three.textFits(null)).isTrue();
    }

    @Test
    void aPlaceholderIsAtMostOneHundredTwentyEightPrintableAsciiCharacters() {
        assertThat(UploadPolicy.placeholderFits(null)).isTrue();
        assertThat(UploadPolicy.placeholderFits("LEHV6nWB2yk8pyo0adR*.7kCMdnj")).isTrue();
        assertThat(UploadPolicy.placeholderFits("!".repeat(128))).isTrue();
        assertThat(UploadPolicy.placeholderFits("~".repeat(128))).isTrue();
        assertThat(UploadPolicy.placeholderFits("a".repeat(129))).isFalse();
    }

    @Test
    void aPlaceholderWithSpacesControlsOrNonAsciiDoesNotFit() {
        assertThat(UploadPolicy.placeholderFits("a b")).isFalse();
        assertThat(UploadPolicy.placeholderFits("a\nb")).isFalse();
        assertThat(UploadPolicy.placeholderFits("a\u007fb")).isFalse();
        assertThat(UploadPolicy.placeholderFits("é")).isFalse();
        assertThat(UploadPolicy.placeholderFits("\u0080")).isFalse();
    }
}
