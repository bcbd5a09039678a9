package dev.mosaic.adapters.http;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Pings every socket once per interval, so that idle connections stay open through proxies and dead ones are
 * found: one tick a second pings the slice of sockets whose order falls on it, so 10,000 sockets cost 400 pings a
 * second rather than a burst, and no socket holds a timer of its own (Javalin's automatic pings schedule one task
 * per socket on a thread that is not a daemon and outlives the server).
 *
 * @param <S> a socket
 */
final class SocketPings<S> implements Runnable {

    private final Supplier<Collection<S>> sockets;
    private final ToLongFunction<S> order;
    private final Consumer<S> ping;
    private final int slices;
    private final Duration period;
    private long tick;

    SocketPings(Duration interval, Supplier<Collection<S>> sockets, ToLongFunction<S> order, Consumer<S> ping) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the ping interval must be positive: " + interval);
        }
        this.sockets = sockets;
        this.order = order;
        this.ping = ping;
        this.slices = (int) Math.max(1, interval.toSeconds());
        this.period = interval.dividedBy(slices);
    }

    /** How often {@link #run} is to be called. */
    Duration period() {
        return period;
    }

    /** Pings this tick's slice of the sockets; called by one thread at a time. */
    @Override
    public void run() {
        long slice = tick++ % slices;
        for (S socket : sockets.get()) {
            if (Math.floorMod(order.applyAsLong(socket), slices) == slice) {
                ping.accept(socket);
            }
        }
    }
}
