package dev.mosaic.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.domain.UserId;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressPayloadTest {
    static final ProgressNote NOTE = new ProgressNote(9_007_199_254_740_993L, 37,
            List.of(UserId.of(1), UserId.of(Long.MAX_VALUE)));

    @Test
    void aNoteTravelsAsIdsAndAPercentageAndComesBackWithItsNode() {
        String payload = ProgressPayload.encode("0a1b2c3d4e5f6071", NOTE).orElseThrow();

        assertThat(payload).isEqualTo("0a1b2c3d4e5f6071;9007199254740993;37;1,9223372036854775807");
        assertThat(ProgressPayload.decode(payload))
                .hasValue(new ProgressPayload.Sent("0a1b2c3d4e5f6071", NOTE));
    }

    @Test
    void anAudienceTooLargeForOneNotificationIsNotSent() {
        List<UserId> crowd = LongStream.rangeClosed(1_000_000_000L, 1_000_001_000L).mapToObj(UserId::of).toList();

        assertThat(ProgressPayload.encode("ab", new ProgressNote(1, 1, crowd))).isEmpty();
        assertThat(ProgressPayload.encode("ab", new ProgressNote(1, 1, List.of()))).isEmpty();
        assertThat(ProgressPayload.encode("ab", new ProgressNote(1, 1, crowd.subList(0, 600))))
                .hasValueSatisfying(payload -> assertThat(payload.length()).isLessThanOrEqualTo(7000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1,2,3", "ab;1;37", "ab;1;37;", "ab;0;37;1", "ab;1;101;1", "ab;1;37;0",
        "AB;1;37;1", "ab;1;-1;1", "ab;1;37;1,", "ab;1;37;99999999999999999999", "ab;1;37;1;2"})
    void whatIsNotANoteIsIgnored(String payload) {
        assertThat(ProgressPayload.decode(payload)).isEmpty();
    }
}
