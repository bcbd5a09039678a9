package dev.mosaic.application.port.out;

import dev.mosaic.domain.UserId;
import java.util.Collection;

/** Told after a commit that these users have new events in the {@link EventLog}. */
@FunctionalInterface
public interface EventNotifier {

    void published(Collection<UserId> recipients);
}
