package dev.mosaic.adapters.notify;

import dev.mosaic.application.port.out.EventNotifier;
import dev.mosaic.application.port.out.ProgressBroadcast;
import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.domain.UserId;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * How "these users have new events", and a sender's upload progress, reach the sockets of this node:
 * {@link InProcessNotifier} on one node, {@link PostgresNotifier} when nodes share a PostgreSQL database.
 */
public interface Notifier extends EventNotifier, ProgressBroadcast, AutoCloseable {

    /** Called with the users that have new events; subscribers run one at a time on a thread of the notifier. */
    void subscribe(Consumer<Collection<UserId>> subscriber);

    /**
     * Called with the progress notes other nodes broadcast (a node's own notes never come back: it relayed
     * them to its sockets when they were reported); subscribers run on the notifier's delivery thread.
     */
    void subscribeProgress(Consumer<ProgressNote> subscriber);

    /** Runs after anything that may have lost notifications (a dropped LISTEN connection). */
    void onResync(Runnable hook);

    @Override
    void close();
}
