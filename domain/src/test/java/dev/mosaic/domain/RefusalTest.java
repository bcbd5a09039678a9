package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class RefusalTest {

    @Test
    void aRefusalHasACodeAndADetail() {
        Refusal refusal = new Refusal("file_too_large", "a video may be at most 4 GiB");

        assertThat(refusal.code()).isEqualTo("file_too_large");
        assertThat(refusal.detail()).isEqualTo("a video may be at most 4 GiB");
    }

    @Test
    void aRefusalWithoutCodeOrDetailIsABug() {
        assertThatNullPointerException().isThrownBy(() -> new Refusal(null, "detail"));
        assertThatNullPointerException().isThrownBy(() -> new Refusal("code", null));
    }
}
