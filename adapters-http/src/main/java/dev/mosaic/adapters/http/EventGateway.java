package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.ReadEventsUseCase;
import dev.mosaic.application.port.in.RelayUploadProgressUseCase;
import dev.mosaic.application.port.in.ReportUploadProgressUseCase;
import dev.mosaic.application.port.in.ReportUploadProgressUseCase.ProgressRelay;
import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.domain.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/ws}: authenticates each socket (upgrade header or first frame), replays what it missed, and
 * pushes each user's new events to that user's sockets only. The sender's upload progress is relayed to the
 * album's audience on this node at once, outside the event log (and by the notifier to other nodes).
 */
final class EventGateway {

    static final Duration PING_INTERVAL = Duration.ofSeconds(25);
    private static final Logger LOG = LoggerFactory.getLogger(EventGateway.class);

    private final ReadEventsUseCase events;
    private final ReportUploadProgressUseCase progress;
    private final RelayUploadProgressUseCase relayed;
    private final Authentication authentication;
    private final SocketFrames frames;
    private final Duration authTimeout;
    private final SocketCaps caps;
    private final MeterRegistry registry;
    /** Sign-in deadlines and pings: one daemon thread for all sockets. */
    private final ScheduledExecutorService deadlines = timers();
    private final Set<EventSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Map<UserId, Set<EventSocket>> byUser = new ConcurrentHashMap<>();
    private final LastSequences lastSequences = new LastSequences(LastSequences.DEFAULT_CAPACITY);

    EventGateway(ReadEventsUseCase events, ReportUploadProgressUseCase progress, RelayUploadProgressUseCase relayed,
                 Authentication authentication, SocketFrames frames, Duration authTimeout, SocketCaps caps,
                 MeterRegistry registry) {
        this.events = events;
        this.progress = progress;
        this.relayed = relayed;
        this.authentication = authentication;
        this.frames = frames;
        this.authTimeout = authTimeout;
        this.caps = caps;
        this.registry = registry;
        SocketPings<EventSocket> pings = new SocketPings<>(PING_INTERVAL, () -> sockets, EventSocket::order,
                EventSocket::ping);
        deadlines.scheduleAtFixedRate(() -> {
            try {
                pings.run();
            } catch (RuntimeException failure) {
                LOG.warn("Pinging sockets failed", failure);
            }
        }, pings.period().toMillis(), pings.period().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A cancelled sign-in deadline leaves the queue at once, so it does not keep its socket reachable for 10 s. */
    private static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "mosaic-ws-timers");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    /**
     * These users have new events: each one's last sequence known here is forgotten before its sockets are looked
     * for (see {@link LastSequences}), and learnt again from their catch-up.
     */
    void deliver(Collection<UserId> users) {
        for (UserId user : Set.copyOf(users)) {
            lastSequences.forget(user);
            Set<EventSocket> mine = byUser.get(user);
            if (mine == null) {
                continue;
            }
            long stamp = lastSequences.begin(user);
            for (EventSocket socket : mine) {
                try {
                    socket.catchUp(events, frames).ifPresent(last -> lastSequences.fill(user, stamp, last));
                } catch (RuntimeException failure) {
                    LOG.warn("Could not deliver events to socket {} of user {}", socket.id(), user, failure);
                }
            }
        }
    }

    /**
     * After anything that may have lost deliveries: nothing known here is trusted, and every socket behind the log
     * catches up. The users' last sequences are read together (a few statements however many sockets), and only a
     * socket whose last sent event is older reads the log: one that missed a delivery gets its events, a current
     * one costs nothing. An event committed after that read is announced after it, and its own delivery sends it.
     */
    void deliverToEveryone() {
        lastSequences.forgetAll();
        List<UserId> users = List.copyOf(byUser.keySet());
        if (users.isEmpty()) {
            return;
        }
        Map<UserId, Long> stamps = new HashMap<>();
        users.forEach(user -> stamps.put(user, lastSequences.begin(user)));
        Map<UserId, Long> newest = events.lastSequences(users);
        for (UserId user : users) {
            long last = newest.getOrDefault(user, 0L);
            long stamp = stamps.get(user);
            lastSequences.fill(user, stamp, last);
            for (EventSocket socket : byUser.getOrDefault(user, Set.of())) {
                if (socket.isBehind(last)) {
                    try {
                        socket.catchUp(events, frames).ifPresent(caughtUp -> lastSequences.fill(user, stamp, caughtUp));
                    } catch (RuntimeException failure) {
                        LOG.warn("Could not deliver events to socket {} of user {}", socket.id(), user, failure);
                    }
                }
            }
        }
    }

    void shutdown() {
        deadlines.shutdownNow();
        sockets.forEach(socket -> socket.close(CloseStatus.SHUTDOWN, "server_stopping"));
    }

    /**
     * A socket opened with its upgrade's {@code Authorization} header, the user the upgrade's throttle check found
     * in it (null if none) and its {@code since} parameter (each may be null).
     */
    void opened(EventSocket socket, String authorization, UserId remembered, String since) {
        sockets.add(socket);
        if (authorization == null) {
            String address = socket.address();
            if (!caps.admitWaiting(address)) {
                Refusals.count(registry, SocketCaps.CODE);
                socket.close(CloseStatus.POLICY_VIOLATION, SocketCaps.CODE);
                return;
            }
            socket.waitingFrom(address);
            try {
                socket.authDeadline(deadlines.schedule(() -> {
                    if (!socket.isAuthenticated()) {
                        socket.close(CloseStatus.POLICY_VIOLATION, "auth_timeout");
                    }
                }, authTimeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (RejectedExecutionException stopping) {
                // opened while the node shuts down: the timers are gone, and so is this socket
                socket.close(CloseStatus.SHUTDOWN, "server_stopping");
            }
            return;
        }
        try {
            authenticate(socket, authentication.userOf(remembered, authorization), since(since));
        } catch (Unauthenticated refused) {
            socket.close(CloseStatus.POLICY_VIOLATION, refused.code());
        }
    }

    void received(EventSocket socket, String message) {
        if (!sockets.contains(socket)) {
            return;
        }
        Optional<SocketFrames.ClientFrame> parsed = frames.parse(message);
        String type = parsed.map(SocketFrames.ClientFrame::type).orElse("");
        if (SocketFrames.PING.equals(type)) {
            socket.send(frames.pong());
        } else if (SocketFrames.AUTH.equals(type) && !socket.isAuthenticated()) {
            SocketFrames.ClientFrame auth = parsed.get();
            try {
                authenticate(socket, authentication.userOf("Bearer " + Optional.ofNullable(auth.token()).orElse("")),
                        Optional.ofNullable(auth.since()));
            } catch (Unauthenticated refused) {
                socket.close(CloseStatus.POLICY_VIOLATION, refused.code());
            }
        } else if (!socket.isAuthenticated()) {
            socket.close(CloseStatus.POLICY_VIOLATION, "auth_required");
        } else if (parsed.isEmpty()) {
            socket.send(frames.error("frame_malformed", "frames are JSON objects with a string \"type\""));
        } else if (SocketFrames.UPLOAD_PROGRESS.equals(type)) {
            reportProgress(socket, parsed.get());
        } else {
            socket.send(frames.error("frame_unknown", "no frame of type \"" + type + "\" is accepted here"));
        }
    }

    /** Relays to every socket of the audience but the reporting one; a throttled report is dropped silently. */
    private void reportProgress(EventSocket reporter, SocketFrames.ClientFrame frame) {
        Long assetId = frame.assetId();
        Integer percent = frame.progress();
        if (assetId == null || assetId < 1 || percent == null || percent < 0 || percent > 100) {
            reporter.send(frames.error("progress_invalid",
                    "upload_progress needs a positive integer asset_id and an integer progress from 0 to 100"));
            return;
        }
        Optional<ProgressRelay> relay;
        try {
            relay = progress.report(reporter.user(), assetId, percent);
        } catch (RuntimeException failure) {
            LOG.warn("Could not relay the progress of asset {} from user {}", assetId, reporter.user(), failure);
            return;
        }
        relay.ifPresent(found -> relay(found, reporter));
    }

    /**
     * Progress reported on another node: rendered only when this node holds a socket of its audience, then
     * pushed to every one of them.
     */
    void relayFromAnotherNode(ProgressNote note) {
        if (note.audience().stream().noneMatch(byUser::containsKey)) {
            return;
        }
        relayed.relay(note).ifPresent(found -> relay(found, null));
    }

    private void relay(ProgressRelay relay, EventSocket reporter) {
        String update = frames.progress(relay.update());
        for (UserId user : Set.copyOf(relay.audience())) {
            for (EventSocket socket : byUser.getOrDefault(user, Set.of())) {
                if (socket != reporter) {
                    socket.sendUnsequenced(update);
                }
            }
        }
    }

    void receivedBinary(EventSocket socket) {
        if (sockets.contains(socket)) {
            socket.close(CloseStatus.BAD_DATA, "text_frames_only");
        }
    }

    void closed(EventSocket socket) {
        if (sockets.remove(socket)) {
            socket.cancelAuthDeadline();
            stopWaiting(socket);
            unregister(socket);
        }
    }

    private void stopWaiting(EventSocket socket) {
        String address = socket.stopWaiting();
        if (address != null) {
            caps.releaseWaiting(address);
        }
    }

    private void unregister(EventSocket socket) {
        if (socket.isAuthenticated()) {
            unregister(socket, socket.user());
        }
    }

    private void unregister(EventSocket socket, UserId user) {
        byUser.computeIfPresent(user, (owner, owned) -> {
            owned.remove(socket);
            return owned.isEmpty() ? null : owned;
        });
    }

    /**
     * Registers the socket, then takes the user's last sequence, all under the socket's lock: an event committed
     * after that is announced after the registration, and its delivery (waiting for the lock) sends it after
     * the {@code ready} frame; one committed before it is at most {@code last}. So only a client behind needs a
     * catch-up. The last sequence is the one known on this node when there is one and the client does not claim
     * a later one (a known value may be stale only while the delivery that will catch this socket up is on its
     * way): a client already current costs no query, one that is behind one.
     */
    private void authenticate(EventSocket socket, UserId user, Optional<Long> since) {
        stopWaiting(socket);
        socket.lock().lock();
        try {
            long last;
            Set<EventSocket> mine;
            try {
                mine = register(socket, user);
                last = lastSequence(user, since);
            } catch (RuntimeException failure) {
                unregister(socket, user);
                throw failure;
            }
            long cursor = since.map(asked -> Math.max(0, Math.min(asked, last))).orElse(last);
            socket.authenticated(user, cursor);
            socket.send(frames.ready(user.value(), last));
            for (EventSocket oldest : caps.surplus(mine)) {
                Refusals.count(registry, SocketCaps.CODE);
                oldest.close(CloseStatus.POLICY_VIOLATION, SocketCaps.CODE);
            }
            if (!socket.isOpen()) {
                unregister(socket);
                return;
            }
            if (cursor < last) {
                socket.catchUp(events, frames);
            }
        } finally {
            socket.lock().unlock();
        }
    }

    private long lastSequence(UserId user, Optional<Long> since) {
        OptionalLong known = lastSequences.known(user);
        if (known.isPresent() && since.map(asked -> asked <= known.getAsLong()).orElse(true)) {
            return known.getAsLong();
        }
        return lastSequences.read(user, events::lastSequence);
    }

    /**
     * Deliveries reach the socket from now on; they wait for its lock, and by then it is authenticated with its
     * cursor. Answers the user's sockets.
     */
    private Set<EventSocket> register(EventSocket socket, UserId user) {
        return byUser.compute(user, (owner, owned) -> {
            Set<EventSocket> sockets = owned == null ? ConcurrentHashMap.newKeySet() : owned;
            sockets.add(socket);
            return sockets;
        });
    }

    private static Optional<Long> since(String since) {
        if (since == null || since.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(since));
        } catch (NumberFormatException notANumber) {
            throw new Unauthenticated("since_invalid", "since must be an integer sequence number");
        }
    }
}
