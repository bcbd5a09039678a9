package dev.mosaic.adapters.notify;

import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.domain.UserId;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries "these users have new events" to every node on one PostgreSQL: {@link #published} sends
 * {@code NOTIFY mosaic_events, '<user ids, comma separated>'}, and each node's listener hands the users to
 * its {@link #subscribe subscribers}, the publishing node included (its own notification comes back
 * through {@code LISTEN} like anyone else's).
 *
 * <p>A notification is only a hint to read the event log. When the listening connection drops, the
 * notifications sent until it is back are lost; so once it listens again the notifier runs its
 * {@link #onResync resync hooks}, which must catch every socket this node holds up from the log.
 * Likewise a notification that could not be sent stays pending and is sent again on a new connection.
 */
public final class PostgresNotifier implements Notifier {
    /** The channel every node listens on. */
    public static final String CHANNEL = "mosaic_events";
    /** The channel of upload progress: ephemeral notes, never in the event log. */
    public static final String PROGRESS_CHANNEL = "mosaic_progress";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresNotifier.class);

    private final InProcessNotifier local = new InProcessNotifier();
    private final List<Runnable> resyncHooks = new CopyOnWriteArrayList<>();
    private final List<Consumer<ProgressNote>> progressSubscribers = new CopyOnWriteArrayList<>();
    private final String node = HexFormat.of().formatHex(nodeId());
    private final NotifySender sender;
    private final ProgressSender progress;
    private final NotifyListener listener;

    private PostgresNotifier(NotifyConnections connections) {
        this.sender = new NotifySender(connections, CHANNEL);
        this.progress = new ProgressSender(connections, PROGRESS_CHANNEL);
        this.listener = new NotifyListener(connections, CHANNEL, local::published, PROGRESS_CHANNEL,
                this::progressArrived, () -> local.runInTurn(this::resync));
    }

    private static byte[] nodeId() {
        byte[] id = new byte[8];
        new SecureRandom().nextBytes(id);
        return id;
    }

    /**
     * Connects, listens, and starts the listening and sending threads; fails at once when the database
     * cannot be reached.
     *
     * @param jdbcUrl a {@code jdbc:postgresql:} URL, the one the persistence adapter uses
     */
    public static PostgresNotifier start(String jdbcUrl, String user, String password) {
        PostgresNotifier notifier = new PostgresNotifier(new NotifyConnections(jdbcUrl, user, password));
        try {
            notifier.listener.start();
        } catch (SQLException failure) {
            notifier.local.close();
            throw new IllegalStateException("cannot LISTEN on " + jdbcUrl + ": " + failure.getMessage(), failure);
        }
        notifier.sender.start();
        notifier.progress.start();
        return notifier;
    }

    /**
     * Called with the users named in notifications from any node. Subscribers and resync hooks run one at a
     * time on one delivery thread, never on the listening one.
     */
    @Override
    public void subscribe(Consumer<Collection<UserId>> subscriber) {
        local.subscribe(subscriber);
    }

    /**
     * Called after the listening connection was lost and is back: notifications may have been missed,
     * so every user this node serves may have events it was not told of.
     */
    @Override
    public void onResync(Runnable hook) {
        resyncHooks.add(hook);
    }

    @Override
    public void published(Collection<UserId> recipients) {
        if (!recipients.isEmpty()) {
            sender.send(recipients);
        }
    }

    /** {@code NOTIFY mosaic_progress}, from a thread of its own; a note that cannot be sent is dropped. */
    @Override
    public void broadcast(ProgressNote note) {
        ProgressPayload.encode(node, note).ifPresentOrElse(payload -> progress.send(note.assetId(), payload),
                () -> LOG.warn("not broadcasting the progress of asset {}: its audience does not fit a notification",
                        note.assetId()));
    }

    @Override
    public void subscribeProgress(Consumer<ProgressNote> subscriber) {
        progressSubscribers.add(subscriber);
    }

    /** On the listening thread: hands other nodes' notes to the delivery thread, as events are. */
    private void progressArrived(String payload) {
        ProgressPayload.decode(payload).filter(sent -> !sent.node().equals(node)).ifPresent(sent ->
                local.runInTurn(() -> {
                    for (Consumer<ProgressNote> subscriber : progressSubscribers) {
                        try {
                            subscriber.accept(sent.note());
                        } catch (RuntimeException failure) {
                            LOG.warn("relaying the progress of asset {} failed", sent.note().assetId(), failure);
                        }
                    }
                }));
    }

    private void resync() {
        for (Runnable hook : resyncHooks) {
            try {
                hook.run();
            } catch (RuntimeException failure) {
                LOG.warn("a resync hook failed", failure);
            }
        }
    }

    /** The listening connection's server process; tests cut it to play a lost connection. */
    int listenerBackendPid() {
        return listener.backendPid();
    }

    /** The sending connection's server process, 0 before the first send. */
    int senderBackendPid() {
        return sender.backendPid();
    }

    /** Sends what is pending (briefly), stops listening, and stops delivering. */
    @Override
    public void close() {
        progress.close();
        sender.close();
        listener.close();
        local.close();
    }
}
