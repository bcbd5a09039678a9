package dev.mosaic.bootstrap;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One node on H2: sockets reconnecting with {@code since} while albums are committed get every event once. */
class ReconnectRaceTest {

    @Test
    void aClientReconnectingWhileItsEventsAreCommittedGetsEachOnceInOrder(@TempDir Path dataDir) throws Exception {
        try (RunningMosaic node = new RunningMosaic(dataDir)) {
            ReconnectRace.run(node, node, 1, 42, 40);
        }
    }
}
