package dev.mosaic.application.service;

import dev.mosaic.application.event.Event;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.application.port.out.EventNotifier;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.TransactionRunner;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.Message;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way an asset changes after creation: in one transaction, compare-and-set the asset,
 * log a {@code chat_message_update} for sender and receiver (and {@code chat_message_complete}
 * when this change settles the album), then tell the notifier after the commit.
 */
public final class AssetChanges {
    private static final int ATTEMPTS = 5;

    private final TransactionRunner transactions;
    private final Messages messages;
    private final EventLog events;
    private final EventNotifier notifier;
    private final Views views;

    public AssetChanges(TransactionRunner transactions, Messages messages, EventLog events, EventNotifier notifier,
                        Views views) {
        this.transactions = transactions;
        this.messages = messages;
        this.events = events;
        this.notifier = notifier;
        this.views = views;
    }

    /** As {@link #apply(AssetId, Function, Consumer)} with nothing else in the transaction. */
    public Optional<Asset> apply(AssetId id, Function<Asset, Optional<Asset>> change) {
        return apply(id, change, changed -> { });
    }

    /**
     * @param change answers the next asset, or empty to leave it as it is (no event)
     * @param alsoInTransaction more writes that must land with the change (a job, say)
     * @return the changed asset, or empty when {@code change} declined
     */
    public Optional<Asset> apply(AssetId id, Function<Asset, Optional<Asset>> change,
                                 Consumer<Asset> alsoInTransaction) {
        for (int attempt = 1; ; attempt++) {
            Optional<Changed> changed = transactions.inTransaction(() -> tryOnce(id, change, alsoInTransaction));
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            if (changed.get().asset() != null) {
                notifier.published(changed.get().message().audience());
                return Optional.of(changed.get().asset());
            }
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("asset " + id + " kept changing under us");
            }
        }
    }

    private Optional<Changed> tryOnce(AssetId id, Function<Asset, Optional<Asset>> change,
                                      Consumer<Asset> alsoInTransaction) {
        Message before = messages.lockByAsset(id).orElseThrow(() -> new IllegalStateException("no asset " + id));
        Asset current = before.assets().stream().filter(asset -> asset.id().equals(id)).findFirst().orElseThrow();
        Optional<Asset> next = change.apply(current);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        if (!messages.replace(current, next.get())) {
            return Optional.of(new Changed(before, null));
        }
        alsoInTransaction.accept(next.get());
        Message after = before.withAsset(next.get());
        Announcements.toAudience(events, after, new Event.ChatMessageUpdate(views.asset(next.get())));
        if (!before.isSettled() && after.isSettled()) {
            Announcements.toAudience(events, after, new Event.ChatMessageComplete(views.message(after)));
        }
        return Optional.of(new Changed(after, next.get()));
    }

    /** @param asset null when someone else changed the asset first and we must try again */
    private record Changed(Message message, Asset asset) {
    }
}
