package dev.mosaic.adapters.persistence;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.domain.UserId;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Numbers come from a counter row per user, advanced in the appending transaction: the row lock
 * makes concurrent appends wait for each other, and a rollback takes its number back, so the
 * numbers stay 1, 2, 3… without gaps.
 */
final class JdbiEventLog implements EventLog {
    private final JdbiTransactions transactions;

    JdbiEventLog(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public long append(UserId recipient, Fact fact) {
        String type = EventJson.type(fact);
        String payload = EventJson.payload(fact);
        return transactions.withHandle(handle -> {
            EventDao dao = handle.attach(EventDao.class);
            long sequence = nextSequence(handle, dao, recipient.value());
            dao.insert(new EventRow(recipient.value(), sequence, type, payload));
            return sequence;
        });
    }

    private static long nextSequence(Handle handle, EventDao dao, long user) {
        if (dao.advanceCounter(user) == 1) {
            return dao.counter(user).orElseThrow();
        }
        // a user's first event: two first appends may race to create the counter, one loses
        if (UniqueInsert.attempt(handle, started -> started.attach(EventDao.class).startCounter(user))) {
            return 1;
        }
        if (dao.advanceCounter(user) != 1) {
            throw new IllegalStateException("the event counter of user " + user + " vanished");
        }
        return dao.counter(user).orElseThrow();
    }

    @Override
    public List<LoggedFact> since(UserId recipient, long afterSequence, int limit) {
        return transactions.withDao(EventDao.class, dao -> dao.since(recipient.value(), afterSequence,
                        Math.max(limit, 0))).stream()
                .flatMap(row -> EventJson.fact(row.eventType(), row.payload()).stream()
                        .map(fact -> new LoggedFact(recipient, row.seq(), fact)))
                .toList();
    }

    @Override
    public long lastSequence(UserId recipient) {
        return transactions.withDao(EventDao.class, dao -> dao.counter(recipient.value()).orElse(0L));
    }
}
