package dev.mosaic.application.contract;

import dev.mosaic.application.fake.ImmediateTransactions;
import dev.mosaic.application.fake.InMemoryEventLog;
import dev.mosaic.application.fake.InMemoryIdempotencyKeys;
import dev.mosaic.application.fake.InMemoryJobQueue;
import dev.mosaic.application.fake.InMemoryMessages;
import dev.mosaic.application.fake.SequentialIds;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.NewAlbums;
import dev.mosaic.application.port.out.TransactionRunner;
import dev.mosaic.application.fake.NewAlbumsFromPorts;

/**
 * The persistence ports of one store, sharing its transactions; what a contract test runs on.
 *
 * @param closer releases the store after the test
 */
public record Ports(Messages messages, EventLog eventLog, JobQueue jobQueue, IdempotencyKeys idempotencyKeys,
                    TransactionRunner transactions, NewAlbums newAlbums, Runnable closer) implements AutoCloseable {

    public static Ports inMemory() {
        Messages messages = new InMemoryMessages();
        EventLog eventLog = new InMemoryEventLog();
        ImmediateTransactions transactions = new ImmediateTransactions();
        IdempotencyKeys keys = new InMemoryIdempotencyKeys(transactions);
        return new Ports(messages, eventLog, new InMemoryJobQueue(), keys, transactions,
                new NewAlbumsFromPorts(transactions, messages, new SequentialIds(), keys, eventLog), () -> { });
    }

    @Override
    public void close() {
        closer.run();
    }
}
