package dev.mosaic.adapters.persistence;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.application.port.out.NewAlbums;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UserId;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A new album in two round trips on PostgreSQL, each one statement in autocommit (no {@code BEGIN}, no
 * {@code COMMIT} of its own: {@link JdbiTransactions#inOneStatement}). Per-round-trip and per-statement overhead was
 * most of the server's CPU per create, and a third of the node's went to the database client (BENCHMARK.md, ninth
 * session).
 * <ul>
 * <li>{@link #reserve}: one query answering the sender's usage ({@link AlbumStatements#USAGE}) with the album's ids
 * from the sequences in the same row. It writes no row, but a {@code nextval} that WAL-logs its sequence (every 32nd
 * value, and the first after a checkpoint) takes a transaction id, and with {@code synchronous_commit} on (the
 * default) that commit would wait for the WAL flush. So the query also sets {@code synchronous_commit} off for its
 * own transaction ({@link #DEFER_FLUSH}, local to it: the session's setting is untouched). Nothing is answered or
 * stored from the reservation until the album's own commit, which is durable and, the log being written in order,
 * flushes the reservation's with it; a crash before that loses only ids that no row holds (a sequence may hand them
 * out again: still unique among stored rows). No client saw them, but a multipart upload started under such an id
 * whose abort then failed still holds it in its object key. Inside a caller's transaction the query joins it
 * without the setting: that transaction keeps its durability.</li>
 * <li>{@link #store}: one statement of data-modifying common table expressions: the message, its assets, the
 * idempotency key's completion, and the audience's counters advanced (ascending by user, so two albums lock shared
 * counters in the same order) with an event logged under each new number ({@link Dialect#advancedCounters}). One
 * statement commits whole or not at all. In which order PostgreSQL runs its parts does not matter: all are one
 * statement, each sub-statement runs exactly once, the counters' row locks are held to its commit with no round trip
 * in between, and the assets' foreign key to the message inserted beside them is checked at the statement's end,
 * where it sees that row (tested).</li>
 * </ul>
 * Statement texts are built once per shape (up to {@link #CACHED_ASSETS} assets, one or two recipients, with or
 * without a key), so pgjdbc's server-prepared statements are reused; a larger album builds its text on the fly.
 * On H2, embedded, a round trip costs nothing: each step is one transaction of the ports' own statements (the usage
 * and the ids; the message and its assets, the key's completion, then each recipient's event as {@link Dialect#H2}
 * explains).
 */
final class JdbiNewAlbums implements NewAlbums {
    /** The policy allows 10 assets; a few more cost nothing. */
    static final int CACHED_ASSETS = 16;
    private static final int CACHED_RECIPIENTS = 2;
    /** The reservation's last column in autocommit: its commit returns before the WAL flush (see above). */
    static final String DEFER_FLUSH = "set_config('synchronous_commit', 'off', true)";
    /** Only a key no request has completed: one taken over as abandoned keeps the completion it got first. */
    private static final String COMPLETE_KEY = "UPDATE idempotency_keys SET message_id = ?"
            + " WHERE user_id = ? AND idem_key = ? AND message_id IS NULL";

    private final JdbiTransactions transactions;
    private final boolean postgres;
    private final Messages messages;
    private final IdSource ids;
    private final IdempotencyKeys idempotencyKeys;
    private final EventLog events;
    /** PostgreSQL's reservation in autocommit for {@code n} assets at {@code n}. */
    private final List<String> reserves;
    /** PostgreSQL's store for {@code n} assets at {@code [n][recipients - 1][1 with a key, else 0]}. */
    private final String[][][] stores;

    /** On H2 each step runs the statements of these ports, all of this adapter; on PostgreSQL none of them. */
    JdbiNewAlbums(JdbiTransactions transactions, Dialect dialect, Messages messages, IdSource ids,
                  IdempotencyKeys idempotencyKeys, EventLog events) {
        this.transactions = transactions;
        this.postgres = dialect == Dialect.POSTGRESQL;
        this.messages = messages;
        this.ids = ids;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
        if (postgres) {
            this.reserves = IntStream.rangeClosed(0, CACHED_ASSETS).mapToObj(assets -> reserveSql(assets, true))
                    .toList();
            this.stores = new String[CACHED_ASSETS + 1][CACHED_RECIPIENTS][2];
            for (int assets = 0; assets <= CACHED_ASSETS; assets++) {
                for (int recipients = 1; recipients <= CACHED_RECIPIENTS; recipients++) {
                    stores[assets][recipients - 1][0] = storeSql(assets, recipients, false);
                    stores[assets][recipients - 1][1] = storeSql(assets, recipients, true);
                }
            }
        } else {
            this.reserves = List.of();
            this.stores = new String[0][][];
        }
    }

    /**
     * The usage's five columns, the message id, the asset ids, then, in autocommit ({@code alone}),
     * {@link #DEFER_FLUSH}: the asset ids written into the query up to {@link #CACHED_ASSETS}
     * ({@code ARRAY[nextval(…), …]}, planned once per connection: {@link Dialect#albumIds} says why), past that drawn
     * by a subquery after the usage's, its count the fifth parameter.
     */
    static String reserveSql(int assets, boolean alone) {
        String columns = "SELECT " + AlbumStatements.USAGE_COLUMNS + ", nextval('message_ids'), ";
        String deferFlush = alone ? ", " + DEFER_FLUSH : "";
        if (assets > CACHED_ASSETS) {
            return columns + "drawn.ids" + deferFlush + "\n" + AlbumStatements.USAGE_FROM
                    + ",\n     (SELECT ARRAY(SELECT nextval('asset_ids') FROM generate_series(1, ?)) AS ids) drawn";
        }
        return columns + Dialect.nextValuesArray("asset_ids", assets) + deferFlush + "\n" + AlbumStatements.USAGE_FROM;
    }

    /**
     * The message's 5 parameters, each asset's {@link AlbumStatements#ASSET_PARAMETERS}, the key's 3 (its message,
     * user and key) when there is one, each recipient's id ascending, then the event's type and payload.
     */
    static String storeSql(int assets, int recipients, boolean key) {
        StringBuilder sql = new StringBuilder("WITH m AS (").append(AlbumStatements.INSERT_MESSAGE).append("),\n");
        if (assets > 0) {
            sql.append("a AS (INSERT INTO assets (").append(MessageDao.ASSET_COLUMNS).append(") VALUES ")
                    .append(String.join(",\n  ", Collections.nCopies(assets, AlbumStatements.ASSET_VALUES)))
                    .append("),\n");
        }
        if (key) {
            sql.append("k AS (").append(COMPLETE_KEY).append("),\n");
        }
        return sql.append(Dialect.advancedCounters(recipients)).append('\n').append(Dialect.LOG_ADVANCED).toString();
    }

    @Override
    public Reserved reserve(UserId sender, Instant windowStart, int assets) {
        NewAlbumIds.requireCount(assets);
        if (!postgres) {
            return transactions.withHandle(handle ->
                    new Reserved(messages.usage(sender, windowStart), ids.forAlbum(assets)));
        }
        boolean alone = !transactions.joinsATransaction();
        String sql = alone && assets < reserves.size() ? reserves.get(assets) : reserveSql(assets, alone);
        return transactions.inOneStatement(handle -> Jdbc.prepared(handle, sql, statement -> {
            AlbumStatements.bindUsage(statement, sender.value(), Stage.UPLOADING.name(), windowStart);
            if (assets > CACHED_ASSETS) {
                statement.setInt(5, assets);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Reserved(AlbumStatements.usageRow(row).toUsage(), SequenceIds.albumIds(row, 6, assets));
            }
        }));
    }

    @Override
    public void store(Message album, Optional<String> idempotencyKey, Fact fact) {
        idempotencyKey.ifPresent(JdbiIdempotencyKeys::checkKey);
        if (!postgres) {
            transactions.withHandle(handle -> {
                messages.add(album);
                idempotencyKey.ifPresent(key -> idempotencyKeys.complete(album.sender(), key, album.id()));
                // last: the audience's event counters stay locked until the commit, so take them late
                events.appendToEach(album.audience(), fact);
                return null;
            });
            return;
        }
        // ascending: two albums lock the counters they share in the same order
        List<Long> users = album.audience().stream().map(UserId::value).distinct().sorted().toList();
        int assets = album.assets().size();
        String sql = assets <= CACHED_ASSETS && users.size() <= CACHED_RECIPIENTS
                ? stores[assets][users.size() - 1][idempotencyKey.isPresent() ? 1 : 0]
                : storeSql(assets, users.size(), idempotencyKey.isPresent());
        MessageRow message = AssetMapping.toRow(album);
        List<AssetRow> rows = IntStream.range(0, assets)
                .mapToObj(order -> AssetMapping.toRow(album.assets().get(order), order))
                .toList();
        String type = EventJson.type(fact);
        String payload = EventJson.payload(fact);
        transactions.inOneStatement(handle -> Jdbc.prepared(handle, sql, statement -> {
            AlbumStatements.bind(statement, 1, message);
            int next = 6;
            for (AssetRow row : rows) {
                AlbumStatements.bind(statement, next, row);
                next += AlbumStatements.ASSET_PARAMETERS;
            }
            if (idempotencyKey.isPresent()) {
                statement.setLong(next++, album.id().value());
                statement.setLong(next++, album.sender().value());
                statement.setString(next++, idempotencyKey.get());
            }
            for (long user : users) {
                statement.setLong(next++, user);
            }
            statement.setString(next++, type);
            statement.setString(next, payload);
            // no check of the events logged, as JdbiEventLog makes: ON CONFLICT DO UPDATE answers exactly one row
            // per counter, each logged, and in autocommit a check here could not roll the commit back anyway
            return statement.executeUpdate();
        }));
    }
}
