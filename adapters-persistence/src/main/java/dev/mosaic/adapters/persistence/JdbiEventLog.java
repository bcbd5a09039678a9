package dev.mosaic.adapters.persistence;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.event.LoggedFact;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.domain.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/**
 * Numbers come from a counter row per user, advanced in the appending transaction: the row lock
 * makes concurrent appends wait for each other, and a rollback takes its number back, so the
 * numbers stay 1, 2, 3… without gaps. Recipients are taken in ascending user order, so two
 * transactions lock shared counters in the same order. On PostgreSQL one statement advances (or
 * starts) the counters of all of a fact's recipients and logs the event for each; on H2 each
 * recipient takes a statement of its own, and a missing counter is started by one more
 * ({@link Dialect#appendEvent(int)} says why).
 */
final class JdbiEventLog implements EventLog {
    /** Users per counter read of a sweep: 10,000 sockets are 10 statements, each list well under any driver's cap. */
    static final int COUNTERS_PER_READ = 1_000;
    /** Statements kept for up to this many recipients: an album has two, a change of an asset one or two. */
    private static final int CACHED_APPENDS = 4;

    private final JdbiTransactions transactions;
    private final Dialect dialect;
    /** The statement for one recipient. */
    private final Dialect.EventAppend single;
    /** Where one statement serves several recipients: the statement for {@code n} of them at {@code n - 1}. */
    private final List<Dialect.EventAppend> appends;

    JdbiEventLog(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.single = dialect.appendEvent(1);
        this.appends = single.startsCounters()
                ? IntStream.rangeClosed(1, CACHED_APPENDS).mapToObj(dialect::appendEvent).toList()
                : List.of(single);
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
        transactions.withHandle(handle -> {
            if (single.startsCounters()) {
                int logged = append(handle, appendFor(users.size()), users, type, payload);
                if (logged != users.size()) {
                    throw new IllegalStateException("logged " + logged + " events for the " + users.size()
                            + " recipients " + users);
                }
            } else {
                for (long user : users) {
                    appendStartingCounter(handle, user, type, payload);
                }
            }
            return null;
        });
    }

    private Dialect.EventAppend appendFor(int recipients) {
        return recipients <= appends.size() ? appends.get(recipients - 1) : dialect.appendEvent(recipients);
    }

    /**
     * One recipient's event in a statement of its own: advance the counter, or (none yet) start it at 0 and then
     * advance it. Two first appends may race to start it; the loser waits for the winner's commit, fails on the key
     * alone ({@link UniqueInsert}) and goes second. No statement here both advances a counter and inserts one, so
     * none that H2 runs again after a lock wait can advance a counter twice.
     */
    private void appendStartingCounter(Handle handle, long user, String type, String payload) {
        if (append(handle, single, List.of(user), type, payload) == 1) {
            return;
        }
        UniqueInsert.attempt(handle, started -> started.attach(EventDao.class).startCounter(user));
        if (append(handle, single, List.of(user), type, payload) != 1) {
            throw new IllegalStateException("the event counter of user " + user + " vanished");
        }
    }

    /** On plain JDBC ({@link Jdbc}): every create runs it once (PostgreSQL) or once per recipient (H2). */
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
