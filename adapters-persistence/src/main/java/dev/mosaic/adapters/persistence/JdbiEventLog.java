package dev.mosaic.adapters.persistence;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.domain.UserId;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/**
 * Numbers come from a counter row per user, advanced in the appending transaction: the row lock
 * makes concurrent appends wait for each other, and a rollback takes its number back, so the
 * numbers stay 1, 2, 3… without gaps. One statement advances the counters of all of a fact's
 * recipients, in ascending user order, and logs the event for each ({@link Dialect#appendEvent(int)}).
 * On PostgreSQL it also starts missing counters; on H2 it logs for all or none, and a fact for a
 * user without a counter takes the way one recipient at a time, starting the counter on its own.
 */
final class JdbiEventLog implements EventLog {
    /** Users per counter read of a sweep: 10,000 sockets are 10 statements, each list well under any driver's cap. */
    static final int COUNTERS_PER_READ = 1_000;
    /** Statements kept for up to this many recipients: an album has two, a change of an asset one or two. */
    private static final int CACHED_APPENDS = 4;
    private static final String NOT_NULL_VIOLATION = "23502";
    private static final int SOME_UNCOUNTED = -1;

    private final JdbiTransactions transactions;
    private final Dialect dialect;
    /** The statement for {@code n} recipients at {@code n - 1}. */
    private final List<Dialect.EventAppend> appends;

    JdbiEventLog(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.appends = IntStream.rangeClosed(1, CACHED_APPENDS).mapToObj(dialect::appendEvent).toList();
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
        Dialect.EventAppend append = appendFor(users.size());
        transactions.withHandle(handle -> {
            int logged = append.startsCounters() ? append(handle, append, users, type, payload)
                    : appendIfAllCounted(handle, append, users, type, payload);
            if (logged == SOME_UNCOUNTED || logged == 0 && !append.startsCounters()) {
                // none had a counter (0 rows): start each first; only some had: try each before starting it
                for (long user : users) {
                    appendStartingCounter(handle, user, type, payload, logged == SOME_UNCOUNTED);
                }
            } else if (logged != users.size()) {
                throw new IllegalStateException("logged " + logged + " events for the " + users.size()
                        + " recipients " + users);
            }
            return null;
        });
    }

    private Dialect.EventAppend appendFor(int recipients) {
        return recipients <= CACHED_APPENDS ? appends.get(recipients - 1) : dialect.appendEvent(recipients);
    }

    /**
     * All or none ({@link Dialect.EventAppend#startsCounters()} false): 0 when no user has a counter,
     * {@link #SOME_UNCOUNTED} when some have and some not, the statement undone by the database. Only that
     * statement's own NOT NULL violation on {@code events.payload} is taken as such; any other failure is thrown.
     */
    private static int appendIfAllCounted(Handle handle, Dialect.EventAppend append, List<Long> users, String type,
            String payload) {
        try {
            return append(handle, append, users, type, payload);
        } catch (Jdbc.StatementFailed failure) {
            if (failure.getCause() instanceof SQLException sql && NOT_NULL_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toUpperCase(Locale.ROOT).contains("\"PAYLOAD\"")) {
                return SOME_UNCOUNTED;
            }
            throw failure;
        }
    }

    /**
     * One recipient's event in a statement of its own, as before one statement served all: advance the counter, or
     * (none yet, or none a moment ago when {@code mayHaveOne} is false) start it at 0 and then advance it. Two first
     * appends may race to start it; the loser waits for the winner's commit, fails on the key alone
     * ({@link UniqueInsert}) and goes second. No statement here both advances a counter and may be run again by H2
     * after a lock wait, so none can advance one twice.
     */
    private void appendStartingCounter(Handle handle, long user, String type, String payload, boolean mayHaveOne) {
        Dialect.EventAppend one = appendFor(1);
        if (mayHaveOne && append(handle, one, List.of(user), type, payload) == 1) {
            return;
        }
        UniqueInsert.attempt(handle, started -> started.attach(EventDao.class).startCounter(user));
        if (append(handle, one, List.of(user), type, payload) != 1) {
            throw new IllegalStateException("the event counter of user " + user + " vanished");
        }
    }

    /** On plain JDBC ({@link Jdbc}): every create runs it once. */
    private static int append(Handle handle, Dialect.EventAppend append, List<Long> users, String type,
            String payload) {
        return Jdbc.prepared(handle, append.sql(), statement -> {
            for (int i = 0; i < users.size(); i++) {
                statement.setLong(append.firstUser() + i, users.get(i));
            }
            if (append.recipientCount() > 0) {
                statement.setInt(append.recipientCount(), users.size());
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
