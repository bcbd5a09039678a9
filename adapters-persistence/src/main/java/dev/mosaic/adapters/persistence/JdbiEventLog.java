package dev.mosaic.adapters.persistence;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.domain.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Numbers come from a counter row per user, advanced in the appending transaction: the row lock
 * makes concurrent appends wait for each other, and a rollback takes its number back, so the
 * numbers stay 1, 2, 3… without gaps. One statement per recipient advances the counter and logs the
 * event ({@link Dialect#appendEvent()}).
 */
final class JdbiEventLog implements EventLog {
    /** Users per counter read of a sweep: 10,000 sockets are 10 statements, each list well under any driver's cap. */
    static final int COUNTERS_PER_READ = 1_000;

    private final JdbiTransactions transactions;
    private final Dialect.EventAppend appendEvent;

    JdbiEventLog(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.appendEvent = dialect.appendEvent();
    }

    @Override
    public long append(UserId recipient, Fact fact) {
        return transactions.withHandle(handle -> {
            appendToEach(List.of(recipient), fact);
            return handle.attach(EventDao.class).counter(recipient.value()).orElseThrow();
        });
    }

    @Override
    public void appendToEach(List<UserId> recipients, Fact fact) {
        String type = EventJson.type(fact);
        String payload = EventJson.payload(fact);
        transactions.withHandle(handle -> {
            for (UserId recipient : recipients) {
                if (append(handle, recipient.value(), type, payload) != 1) {
                    appendFirst(handle, recipient.value(), type, payload);
                }
            }
            return null;
        });
    }

    /** A user's first event: two first appends may race to create the counter; the loser waits and goes second. */
    private void appendFirst(Handle handle, long user, String type, String payload) {
        UniqueInsert.attempt(handle, started -> started.attach(EventDao.class).startCounter(user));
        if (append(handle, user, type, payload) != 1) {
            throw new IllegalStateException("the event counter of user " + user + " vanished");
        }
    }

    /** On plain JDBC ({@link Jdbc}): every create runs it once per recipient. */
    private int append(Handle handle, long user, String type, String payload) {
        return Jdbc.prepared(handle, appendEvent.sql(), statement -> {
            statement.setLong(appendEvent.user(), user);
            statement.setString(appendEvent.type(), type);
            statement.setString(appendEvent.payload(), payload);
            return statement.executeUpdate();
        });
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

    @Override
    public Map<UserId, Long> lastSequences(Collection<UserId> recipients) {
        List<Long> users = recipients.stream().map(UserId::value).distinct().toList();
        Map<UserId, Long> last = new HashMap<>();
        for (int from = 0; from < users.size(); from += COUNTERS_PER_READ) {
            List<Long> batch = users.subList(from, Math.min(users.size(), from + COUNTERS_PER_READ));
            transactions.withDao(EventDao.class, dao -> dao.counters(batch))
                    .forEach((user, sequence) -> {
                        if (sequence > 0) {
                            last.put(UserId.of(user), sequence);
                        }
                    });
        }
        return last;
    }
}
