package dev.mosaic.application.fake;

import dev.mosaic.application.event.Fact;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.NewAlbums;
import dev.mosaic.application.port.out.TransactionRunner;
import dev.mosaic.domain.Message;
import dev.mosaic.domain.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * The in-memory {@link NewAlbums}: the fakes of the ports each step has of its own, each call one transaction of the
 * runner's.
 */
public final class NewAlbumsFromPorts implements NewAlbums {
    private final TransactionRunner transactions;
    private final Messages messages;
    private final IdSource ids;
    private final IdempotencyKeys idempotencyKeys;
    private final EventLog events;

    public NewAlbumsFromPorts(TransactionRunner transactions, Messages messages, IdSource ids,
                              IdempotencyKeys idempotencyKeys, EventLog events) {
        this.transactions = transactions;
        this.messages = messages;
        this.ids = ids;
        this.idempotencyKeys = idempotencyKeys;
        this.events = events;
    }

    @Override
    public Reserved reserve(UserId sender, Instant windowStart, int assets) {
        return transactions.inTransaction(() -> new Reserved(messages.usage(sender, windowStart), ids.forAlbum(assets)));
    }

    /** The message, its assets, the key's completion, then the events. */
    @Override
    public void store(Message album, Optional<String> idempotencyKey, Fact fact) {
        transactions.run(() -> {
            messages.add(album);
            idempotencyKey.ifPresent(key -> idempotencyKeys.complete(album.sender(), key, album.id()));
            // last, in ascending user order, as a database's counters would be locked until the commit
            events.appendToEach(album.audience().stream().sorted(Comparator.comparingLong(UserId::value)).toList(),
                    fact);
        });
    }
}
