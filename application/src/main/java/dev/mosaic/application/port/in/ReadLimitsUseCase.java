package dev.mosaic.application.port.in;

import dev.mosaic.application.view.UploadLimits;
import dev.mosaic.domain.UserId;

@FunctionalInterface
public interface ReadLimitsUseCase {

    /** What a batch request from {@code viewer} accepts now. */
    UploadLimits limits(UserId viewer);
}
