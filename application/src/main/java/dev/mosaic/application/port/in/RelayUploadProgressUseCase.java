package dev.mosaic.application.port.in;

import dev.mosaic.application.port.in.ReportUploadProgressUseCase.ProgressRelay;
import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import java.util.Optional;

/**
 * Progress reported on another node, checked and throttled there: the update to push to this node's
 * sockets of the album's audience, or empty when the asset is gone or no longer uploading.
 */
@FunctionalInterface
public interface RelayUploadProgressUseCase {

    Optional<ProgressRelay> relay(ProgressNote note);
}
