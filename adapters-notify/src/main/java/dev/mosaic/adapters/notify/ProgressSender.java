package dev.mosaic.adapters.notify;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends progress notes with {@code NOTIFY} on a connection and a thread of its own, so a socket's thread
 * never waits for the database. Notes are ephemeral: only the latest of each asset waits, and a note whose
 * send failed is dropped (the next one, a second later, supersedes it); the connection is opened again.
 */
final class ProgressSender implements AutoCloseable {
    /** Notes waiting at most; more are dropped until the database keeps up. */
    static final int MAX_PENDING = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ProgressSender.class);

    private final NotifyLink link;
    private final Map<Long, String> pending = new LinkedHashMap<>();
    private final Thread thread;
    private final Backoff backoff = new Backoff();
    private volatile boolean closed;

    ProgressSender(NotifyConnections connections, String channel) {
        this.link = new NotifyLink(connections, "progress", channel);
        this.thread = new Thread(this::run, "mosaic-progress-send");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void send(long assetId, String payload) {
        synchronized (pending) {
            if (pending.size() < MAX_PENDING || pending.containsKey(assetId)) {
                pending.put(assetId, payload);
                pending.notifyAll();
            }
        }
    }

    private void run() {
        while (!closed) {
            List<String> payloads = awaitPending();
            if (payloads.isEmpty()) {
                continue;
            }
            try {
                link.notify(payloads);
                backoff.reset();
            } catch (SQLException failure) {
                link.drop();
                LOG.warn("dropped {} progress notes ({}); reconnecting", payloads.size(), failure.toString());
                if (!backoff.pause()) {
                    return;
                }
            }
        }
        link.drop();
    }

    private List<String> awaitPending() {
        synchronized (pending) {
            while (pending.isEmpty() && !closed) {
                try {
                    pending.wait();
                } catch (InterruptedException interrupted) {
                    return List.of();
                }
            }
            List<String> payloads = List.copyOf(pending.values());
            pending.clear();
            return payloads;
        }
    }

    /** Progress is not worth waiting for: stops at once. */
    @Override
    public void close() {
        closed = true;
        synchronized (pending) {
            pending.notifyAll();
        }
        try {
            thread.join(1_000);
            thread.interrupt();
            thread.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
