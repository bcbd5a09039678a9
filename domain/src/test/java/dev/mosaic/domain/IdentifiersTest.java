package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void idsArePositiveNumbers() {
        assertThat(AssetId.of(1).value()).isEqualTo(1);
        assertThat(MessageId.of(1).value()).isEqualTo(1);
        assertThat(UserId.of(1).value()).isEqualTo(1);
        assertThat(AssetId.of(Long.MAX_VALUE).value()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aUserCanSignInOnlyWithAnIdATokenSubjectCanCarry() {
        assertThat(UserId.canSignIn(1)).isTrue();
        assertThat(UserId.canSignIn(999_999_999_999_999_999L)).isTrue();
        assertThat(UserId.canSignIn(1_000_000_000_000_000_000L)).isFalse();
        assertThat(UserId.canSignIn(0)).isFalse();
        assertThat(UserId.canSignIn(-1)).isFalse();
    }

    @Test
    void zeroIsNoId() {
        assertThatIllegalArgumentException().isThrownBy(() -> AssetId.of(0));
        assertThatIllegalArgumentException().isThrownBy(() -> MessageId.of(0));
        assertThatIllegalArgumentException().isThrownBy(() -> UserId.of(0));
    }

    @Test
    void negativeNumbersAreNoIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AssetId(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageId(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new UserId(Long.MIN_VALUE));
    }

    @Test
    void idsPrintAsTheirBareNumberSoTheyCanBuildKeysAndUrls() {
        assertThat(AssetId.of(501)).hasToString("501");
        assertThat(MessageId.of(105)).hasToString("105");
        assertThat(UserId.of(42)).hasToString("42");
    }

    @Test
    void idsWithTheSameNumberAreEqual() {
        assertThat(AssetId.of(7)).isEqualTo(new AssetId(7)).isNotEqualTo(AssetId.of(8));
    }
}
