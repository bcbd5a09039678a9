package dev.mosaic.adapters.notify;

import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.domain.UserId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers "these users have new events" to the subscribers on this node (the socket gateway),
 * on one thread of its own so a committing request never waits for a slow socket. Signals that
 * pile up while a delivery runs are merged: subscribers read the event log, so one call per user
 * is enough.
 */
public final class InProcessNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessNotifier.class);

    private final List<Consumer<Collection<UserId>>> subscribers = new CopyOnWriteArrayList<>();
    private final Set<UserId> pending = new LinkedHashSet<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mosaic-event-delivery");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void subscribe(Consumer<Collection<UserId>> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public void published(Collection<UserId> recipients) {
        boolean scheduleNow;
        synchronized (pending) {
            scheduleNow = pending.isEmpty();
            pending.addAll(recipients);
        }
        if (scheduleNow && !delivery.isShutdown()) {
            delivery.execute(this::deliverPending);
        }
    }

    /** Runs this on the delivery thread, after the deliveries scheduled before it, never beside one. */
    void runInTurn(Runnable task) {
        if (!delivery.isShutdown()) {
            delivery.execute(task);
        }
    }

    private void deliverPending() {
        List<UserId> users;
        synchronized (pending) {
            users = List.copyOf(pending);
            pending.clear();
        }
        for (Consumer<Collection<UserId>> subscriber : subscribers) {
            try {
                subscriber.accept(users);
            } catch (RuntimeException failure) {
                LOG.warn("event delivery to {} failed", users, failure);
            }
        }
    }

    /** One node: the sockets to tell are all here, and the gateway relayed the progress to them already. */
    @Override
    public void broadcast(ProgressNote note) {
    }

    /** One node: no other node sends progress. */
    @Override
    public void subscribeProgress(Consumer<ProgressNote> subscriber) {
    }

    /** One process: nothing can be missed between a commit and its signal. */
    @Override
    public void onResync(Runnable hook) {
    }

    @Override
    public void close() {
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
