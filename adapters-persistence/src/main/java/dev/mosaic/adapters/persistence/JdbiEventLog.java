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
 * numbers stay 1, 2, 3… without gaps. One statement advances (or starts) the counters of all of a
 * fact's recipients and logs the event for each ({@link Dialect#appendEvent(int)}).
 */
final class JdbiEventLog implements EventLog {
    /** Users per counter read of a sweep: 10,000 sockets are 10 statements, each list well under any driver's cap. */
    static final int COUNTERS_PER_READ = 1_000;
    /** Statements kept for up to this many recipients: an album has two, a change of an asset one or two. */
    private static final int CACHED_APPENDS = 4;

    private final JdbiTransactions transactions;
    private final Dialect dialect;
    private final Dialect.EventAppend[] appends = new Dialect.EventAppend[CACHED_APPENDS + 1];

    JdbiEventLog(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        for (int recipients = 1; recipients <= CACHED_APPENDS; recipients++) {
            appends[recipients] = dialect.appendEvent(recipients);
        }
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
        // ascending, whatever the caller's order: two transactions then take shared counters in the same order
        List<Long> users = recipients.stream().map(UserId::value).distinct().sorted().toList();
        if (users.isEmpty()) {
            return;
        }
        String type = EventJson.type(fact);
        String payload = EventJson.payload(fact);
        Dialect.EventAppend append = users.size() <= CACHED_APPENDS ? appends[users.size()]
                : dialect.appendEvent(users.size());
        transactions.withHandle(handle -> {
            // each lost race leaves one more of the users with a counter, and none is ever deleted
            for (int lost = 0; ; lost++) {
                try {
                    int logged = append(handle, append, users, type, payload);
                    if (logged != users.size()) {
                        throw new IllegalStateException("logged " + logged + " events for the " + users.size()
                                + " recipients " + users);
                    }
                    return null;
                } catch (Jdbc.StatementFailed failure) {
                    if (!append.rerunOnDuplicate() || lost >= users.size() || !UniqueInsert.isUniqueViolation(failure)) {
                        throw failure;
                    }
                }
            }
        });
    }

    /** On plain JDBC ({@link Jdbc}): every create runs it once. */
    private static int append(Handle handle, Dialect.EventAppend append, List<Long> users, String type,
            String payload) {
        return Jdbc.prepared(handle, append.sql(), statement -> {
            for (int i = 0; i < users.size(); i++) {
                statement.setLong(append.firstUser() + i, users.get(i));
            }
            statement.setString(append.type(), type);
            statement.setString(append.payload(), payload);
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
