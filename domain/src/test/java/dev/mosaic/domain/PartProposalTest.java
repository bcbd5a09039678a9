package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartProposalTest {

    @Test
    void noNumbersIsNoProposal() {
        assertThat(PartProposal.NONE.isEmpty()).isTrue();
        assertThat(new PartProposal(null, null).isEmpty()).isTrue();
    }

    @Test
    void eitherNumberAloneIsAProposal() {
        assertThat(new PartProposal(5_242_880L, null).isEmpty()).isFalse();
        assertThat(new PartProposal(null, 3L).isEmpty()).isFalse();
    }
}
