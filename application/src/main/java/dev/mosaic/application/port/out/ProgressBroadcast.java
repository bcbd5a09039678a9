package dev.mosaic.application.port.out;

import dev.mosaic.domain.UserId;
import java.util.List;

/**
 * Carries a sender's upload progress to the sockets other nodes hold. Progress is never stored: a note
 * that does not arrive is simply superseded by the next one. On a single node there is no one else to tell.
 */
@FunctionalInterface
public interface ProgressBroadcast {

    void broadcast(ProgressNote note);

    /** Ids and a percentage: everything a node needs to render the update for its own sockets. */
    record ProgressNote(long assetId, int progress, List<UserId> audience) {
        public ProgressNote {
            if (assetId < 1 || progress < 0 || progress > 100) {
                throw new IllegalArgumentException("no progress note: asset " + assetId + " at " + progress + "%");
            }
            audience = List.copyOf(audience);
        }
    }
}
