package dev.mosaic.adapters.storage;

import dev.mosaic.application.port.out.Unavailable;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * How a cloud client's failures become the port's: the store unreachable, refusing Mosaic's credentials
 * or answering its own failure is an outage of storage, never the client's doing.
 *
 * @param <E> the client library's failure
 */
public final class StoreFailures<E extends RuntimeException> {

    private final Class<E> failure;
    private final BiFunction<String, E, String> describe;

    /** @param describe the outage's message from what was attempted and the client's failure */
    public StoreFailures(Class<E> failure, BiFunction<String, E, String> describe) {
        this.failure = Objects.requireNonNull(failure, "failure");
        this.describe = Objects.requireNonNull(describe, "describe");
    }

    /** Runs one client call; its failure becomes the port's, naming what was attempted. */
    public <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (failure.isInstance(e)) {
                throw failed(what, failure.cast(e));
            }
            throw e;
        }
    }

    public Unavailable failed(String what, E cause) {
        return new Unavailable(Unavailable.Part.STORAGE, describe.apply(what, cause), cause);
    }
}
