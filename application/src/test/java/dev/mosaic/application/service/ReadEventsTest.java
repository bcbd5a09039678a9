package dev.mosaic.application.service;

import static dev.mosaic.application.fake.Fixtures.RECEIVER;
import static dev.mosaic.application.fake.Fixtures.SENDER;
import static dev.mosaic.application.fake.Fixtures.STRANGER;
import static dev.mosaic.application.fake.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.domain.Stage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a socket sweep asks of the event log. */
class ReadEventsTest {
    private final FakeWorld world = new FakeWorld();

    @Test
    void lastSequencesAnswersEveryUserWithEventsAndLeavesOutThoseWithout() {
        world.events.append(SENDER, update(100, 500, Stage.PROCESSING));
        world.events.append(SENDER, update(100, 500, Stage.READY));
        world.events.append(RECEIVER, update(100, 500, Stage.READY));

        assertThat(world.services.readEvents().lastSequences(List.of(SENDER, RECEIVER, STRANGER)))
                .isEqualTo(Map.of(SENDER, 2L, RECEIVER, 1L));
        assertThat(world.services.readEvents().lastSequences(List.of(STRANGER))).isEmpty();
    }
}
