package dev.mosaic.application.port.in;

import dev.mosaic.application.view.QuotaHeadroom;
import dev.mosaic.domain.UserId;

/** How much room a user's quotas leave now, counted from the stored albums. */
@FunctionalInterface
public interface ReadQuotaUseCase {

    QuotaHeadroom headroom(UserId user);
}
