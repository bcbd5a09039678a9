package dev.mosaic.bootstrap.cluster;

import dev.mosaic.bootstrap.ReconnectRace;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on PostgreSQL: the client reconnects to node A with {@code since} while its albums are committed on
 * node B, so what A knows of its last sequence is forgotten only when B's NOTIFY arrives. It gets every event
 * once, in order.
 */
class ReconnectRaceAcrossNodesTest {

    @TempDir
    Path dataDir;
    @AutoClose
    Cluster cluster;

    @Test
    void aClientReconnectingToOneNodeWhileAnotherCommitsItsEventsGetsEachOnceInOrder() throws Exception {
        cluster = new Cluster(dataDir);
        ReconnectRace.run(cluster.node("all"), cluster.node("api"), 1, 42, 40);
    }
}
