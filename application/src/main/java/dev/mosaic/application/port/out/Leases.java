package dev.mosaic.application.port.out;

import java.time.Duration;
import java.time.Instant;

/**
 * Named, expiring leases shared by every node: who may run a singleton chore (the janitor) now, which
 * request completes an upload.
 */
public interface Leases {

    /**
     * Takes or renews the lease {@code name} for {@code holder} until {@code now + ttl}; false
     * while another holder's lease has not run out.
     */
    boolean tryAcquire(String name, String holder, Instant now, Duration ttl);

    /** Gives the lease up at once, if {@code holder} still holds it; otherwise does nothing. */
    void release(String name, String holder);
}
