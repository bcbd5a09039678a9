package dev.mosaic.application.contract;

import dev.mosaic.application.fake.ImmediateTransactions;
import dev.mosaic.application.fake.InMemoryEventLog;
import dev.mosaic.application.fake.InMemoryIdempotencyKeys;
import dev.mosaic.application.fake.InMemoryJobQueue;
import dev.mosaic.application.fake.InMemoryMessages;
import dev.mosaic.application.port.out.EventLog;
import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.TransactionRunner;

/**
 * The persistence ports of one store, sharing its transactions; what a contract test runs on.
 *
 * @param closer releases the store after the test
 */
public record Ports(Messages messages, EventLog eventLog, JobQueue jobQueue, IdempotencyKeys idempotencyKeys,
                    TransactionRunner transactions, Runnable closer) implements AutoCloseable {

    public static Ports inMemory() {
        return new Ports(new InMemoryMessages(), new InMemoryEventLog(), new InMemoryJobQueue(),
                new InMemoryIdempotencyKeys(), new ImmediateTransactions(), () -> { });
    }

    @Override
    public void close() {
        closer.run();
    }
}
