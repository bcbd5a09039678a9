package dev.mosaic.application.service;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.application.port.out.EventNotifier;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.TransactionRunner;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.AssetMove;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.ObjectKey;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way an asset changes after creation: in one transaction, lock its album, ask the asset
 * for a transition, store the asset it answers, log the fact behind a {@code chat_message_update} for sender and
 * receiver (and {@code chat_message_complete} when this change settles the album), then tell the
 * notifier after the commit. The album's row lock is the one concurrency guard: whoever changes an
 * asset of the album next waits, then reads what this change left. After the commit, the objects of a
 * replaced file that the change lets go ({@link Asset#releasedIn}) are deleted: nothing serves them any more.
 */
public final class AssetChanges {
    private static final System.Logger LOG = System.getLogger(AssetChanges.class.getName());

    private final TransactionRunner transactions;
    private final Messages messages;
    private final EventLog events;
    private final EventNotifier notifier;
    private final ObjectStorage storage;

    public AssetChanges(TransactionRunner transactions, Messages messages, EventLog events, EventNotifier notifier,
                        ObjectStorage storage) {
        this.transactions = transactions;
        this.messages = messages;
        this.events = events;
        this.notifier = notifier;
        this.storage = storage;
    }

    /** As {@link #apply(AssetId, Function, Consumer)} with nothing else in the transaction. */
    public AssetMove apply(AssetId id, Function<Asset, AssetMove> transition) {
        return apply(id, transition, moved -> { });
    }

    /**
     * @param transition one of the asset's transitions, e.g. {@code asset -> asset.cancel(now)}
     * @param alsoInTransaction more writes that must land with the move (a job, say)
     * @return what the transition answered on the asset as it is under the lock
     */
    public AssetMove apply(AssetId id, Function<Asset, AssetMove> transition, Consumer<Asset> alsoInTransaction) {
        Changed changed = transactions.inTransaction(() -> applyLocked(id, transition, alsoInTransaction));
        if (changed.move() instanceof AssetMove.Moved) {
            notifier.published(changed.message().audience());
            changed.released().forEach(this::deleteQuietly);
        }
        return changed.move();
    }

    private Changed applyLocked(AssetId id, Function<Asset, AssetMove> transition,
                                Consumer<Asset> alsoInTransaction) {
        Message before = messages.lockByAsset(id).orElseThrow(() -> new IllegalStateException("no asset " + id));
        Asset previous = before.asset(id).orElseThrow();
        AssetMove move = transition.apply(previous);
        if (!(move instanceof AssetMove.Moved moved)) {
            return new Changed(before, move, List.of());
        }
        Asset next = moved.asset();
        messages.update(next);
        alsoInTransaction.accept(next);
        Message after = before.withAsset(next);
        Announcements.toAudience(events, after, new Fact.AssetChanged(next));
        if (!before.isSettled() && after.isSettled()) {
            Announcements.toAudience(events, after, new Fact.AlbumSettled(after));
        }
        return new Changed(after, move, previous.releasedIn(next));
    }

    /** The change is committed: a delete that fails leaves an object behind, never undoes the change. */
    private void deleteQuietly(ObjectKey key) {
        try {
            storage.delete(key);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "could not delete " + key + ", which a replaced file left: " + failure);
        }
    }

    private record Changed(Message message, AssetMove move, List<ObjectKey> released) {
    }
}
