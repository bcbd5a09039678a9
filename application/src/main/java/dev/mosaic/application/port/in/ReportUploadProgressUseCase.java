package dev.mosaic.application.port.in;

import dev.mosaic.application.view.AssetView;
import dev.mosaic.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The sender's client says how far an upload got, so the receiver sees "uploading photo 37%".
 * Nothing is stored: the answer is what to relay now, to whom, or empty when there is nothing
 * to relay (not the sender's asset, no longer uploading, or too soon after the last relay).
 */
@FunctionalInterface
public interface ReportUploadProgressUseCase {

    Optional<ProgressRelay> report(UserId sender, long assetId, int progress);

    /** @param update a {@code chat_message_update} body with stage {@code uploading} and the progress */
    record ProgressRelay(List<UserId> audience, AssetView update) {
        public ProgressRelay {
            audience = List.copyOf(audience);
        }
    }
}
