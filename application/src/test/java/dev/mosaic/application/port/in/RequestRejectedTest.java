package dev.mosaic.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.domain.Refusal;
import org.junit.jupiter.api.Test;

class RequestRejectedTest {

    @Test
    void aRejectionCarriesItsReasonAndTheRefusalAClientReads() {
        RequestRejected rejected = new RequestRejected(RequestRejected.Reason.CONFLICT, "completion_in_progress",
                "try again shortly");

        assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.CONFLICT);
        assertThat(rejected.refusal()).isEqualTo(new Refusal("completion_in_progress", "try again shortly"));
        assertThat(rejected.code()).isEqualTo("completion_in_progress");
        assertThat(rejected).hasMessage("completion_in_progress: try again shortly");
    }
}
