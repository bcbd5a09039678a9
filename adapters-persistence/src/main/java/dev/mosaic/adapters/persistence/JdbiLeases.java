package dev.mosaic.adapters.persistence;

import dev.mosaic.application.port.out.Leases;
import java.time.Duration;
import java.time.Instant;

/** Leases as rows: a compare-and-set update, or the first insert when the lease never existed. */
final class JdbiLeases implements Leases {
    private final JdbiTransactions transactions;

    JdbiLeases(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean tryAcquire(String name, String holder, Instant now, Duration ttl) {
        Instant until = now.plus(ttl);
        return transactions.withHandle(handle -> handle.attach(LeaseDao.class).take(name, holder, now, until) == 1
                || UniqueInsert.attempt(handle, inserting -> inserting.attach(LeaseDao.class).create(name, holder, until)));
    }

    @Override
    public void release(String name, String holder) {
        transactions.withDao(LeaseDao.class, leases -> leases.release(name, holder));
    }
}
