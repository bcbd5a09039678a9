package dev.mosaic.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NotifyPayloadTest {

    @Test
    void usersAreWrittenOnceAsCommaSeparatedIds() {
        assertThat(NotifyPayload.encode(List.of(UserId.of(42), UserId.of(7), UserId.of(42))))
                .containsExactly("42,7");
    }

    @Test
    void nobodyMakesNoPayload() {
        assertThat(NotifyPayload.encode(List.of())).isEmpty();
    }

    @Test
    void manyUsersAreCutIntoPayloadsPostgresqlAcceptsAndReadBackWhole() {
        List<UserId> many = LongStream.rangeClosed(1, 5_000).mapToObj(id -> UserId.of(Long.MAX_VALUE - id)).toList();

        List<String> payloads = NotifyPayload.encode(many);

        assertThat(payloads).hasSizeGreaterThan(1).allSatisfy(payload -> {
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
            assertThat(payload).doesNotStartWith(",").doesNotEndWith(",");
        });
        assertThat(payloads.stream().flatMap(payload -> NotifyPayload.decode(payload).stream()).toList())
                .containsExactlyElementsOf(many);
    }

    @Test
    void whatIsNotAUserIdIsSkipped() {
        assertThat(NotifyPayload.decode("1, 2,x,,-5,0,9")).containsExactly(UserId.of(1), UserId.of(2), UserId.of(9));
        assertThat(NotifyPayload.decode("")).isEmpty();
        assertThat(NotifyPayload.decode(null)).isEmpty();
    }
}
