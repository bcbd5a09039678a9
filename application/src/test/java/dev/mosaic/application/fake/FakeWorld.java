package dev.mosaic.application.fake;

import dev.mosaic.application.event.Event;
import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.application.event.StoredEvent;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.application.port.out.EventNotifier;
import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.application.port.out.WorkSignal;
import dev.mosaic.application.service.MosaicSettings;
import dev.mosaic.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Every use case wired to in-memory fakes: the application as a test sees it. */
public final class FakeWorld {
    public final InMemoryMessages messages = new InMemoryMessages();
    public final SequentialIds ids = new SequentialIds();
    public final ImmediateTransactions transactions = new ImmediateTransactions();
    public final InMemoryIdempotencyKeys idempotency = new InMemoryIdempotencyKeys(transactions);
    public final InMemoryEventLog events = new InMemoryEventLog();
    public final InMemoryJobQueue jobs = new InMemoryJobQueue();
    public final InMemoryLeases leases = new InMemoryLeases();
    public final InMemoryObjectStorage storage = new InMemoryObjectStorage();
    public final ScriptedMediaProcessor media = new ScriptedMediaProcessor();
    public final MutableClock clock = MutableClock.at("2026-11-24T09:00:00Z");
    public final List<UserId> notified = new ArrayList<>();
    /** What was broadcast to other nodes' sockets: upload progress, never stored. */
    public final List<ProgressNote> progressNotes = new CopyOnWriteArrayList<>();
    /** Every event append's recipient, in the order the use cases appended them. */
    public final List<UserId> appendOrder = new ArrayList<>();
    public final AtomicInteger workSignals = new AtomicInteger();
    /** Set it to make the next event append fail, as a database error mid-transaction would. */
    public final AtomicBoolean failNextEventAppend = new AtomicBoolean();
    /** Set it to make the next album's store commit and then fail, as a connection lost after the commit would. */
    public final AtomicBoolean loseNextStoresAnswer = new AtomicBoolean();
    public final WiredServices services;

    public FakeWorld() {
        this(MosaicSettings.defaults());
    }

    public FakeWorld(MosaicSettings settings) {
        EventNotifier notifier = recipients -> {
            synchronized (notified) {
                notified.addAll(recipients);
            }
        };
        WorkSignal signal = workSignals::incrementAndGet;
        EventLog flakyEvents = new EventLog() {
            @Override
            public long append(UserId recipient, Fact fact) {
                if (failNextEventAppend.getAndSet(false)) {
                    throw new IllegalStateException("the event log is down");
                }
                synchronized (appendOrder) {
                    appendOrder.add(recipient);
                }
                return events.append(recipient, fact);
            }

            @Override
            public List<LoggedFact> since(UserId recipient, long afterSequence, int limit) {
                return events.since(recipient, afterSequence, limit);
            }

            @Override
            public long lastSequence(UserId recipient) {
                return events.lastSequence(recipient);
            }
        };
        services = new WiredServices(settings, this, flakyEvents, notifier, signal);
    }

    /** Every event this user was sent, in order, as a socket would receive them now. */
    public List<Event> eventsOf(UserId recipient) {
        return services.readEvents().since(recipient, 0, 500).stream().map(StoredEvent::event).toList();
    }

    /** Every event this user was sent of one type, in order. */
    public <E extends Event> List<E> eventsOf(UserId recipient, Class<E> type) {
        return eventsOf(recipient).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Runs queued jobs until none is due. */
    public int runJobs() {
        int ran = 0;
        while (services.jobWorker().runNext("test-worker")) {
            ran++;
        }
        return ran;
    }
}
