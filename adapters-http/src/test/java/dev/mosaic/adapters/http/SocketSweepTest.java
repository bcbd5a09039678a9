package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.event.Event;
import dev.mosaic.domain.UserId;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The resync sweep over every socket of a node: one read of the users' last sequences, the log only for those behind. */
class SocketSweepTest {

    private static final int USERS = 20;
    private static final UserId MISSED = UserId.of(7);

    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api = TestApi.start(stubs);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aSweepAsksForEveryUsersLastSequenceOnceAndOnlyASocketThatMissedEventsReadsThem() {
        Map<Long, SocketClient> sockets = new HashMap<>();
        for (long user = 1; user <= USERS; user++) {
            append(UserId.of(user));
            SocketClient socket = connect(user, "?since=1");
            assertThat(socket.next().path("last_seq").asLong()).isEqualTo(1);
            sockets.put(user, socket);
        }
        // committed, their signal lost
        append(MISSED);
        append(MISSED);
        int reads = stubs.events.reads.get();
        int sweepReads = stubs.events.sweepReads.get();

        api.api.deliverToEveryone();

        assertThat(List.of(sockets.get(MISSED.value()).next(), sockets.get(MISSED.value()).next()))
                .extracting(frame -> frame.path("seq").asLong()).containsExactly(2L, 3L);
        sockets.values().forEach(SocketClient::assertNothingMoreThanPong);
        assertThat(stubs.events.sweepReads.get() - sweepReads).as("the last sequences of all users").isEqualTo(1);
        assertThat(stubs.events.reads.get() - reads).as("the log read for the one socket behind").isEqualTo(1);

        api.api.deliverToEveryone();
        sockets.values().forEach(SocketClient::assertNothingMoreThanPong);
        assertThat(stubs.events.reads.get() - reads).as("a sweep with nobody behind reads no events").isEqualTo(1);
        assertThat(connect(MISSED.value(), "?since=3").next().path("last_seq").asLong()).isEqualTo(3);
        assertThat(stubs.events.reads.get() - reads).as("the sweep's answer is known to the next connect")
                .isEqualTo(1);
    }

    @Test
    void aSweepWithNoSocketAsksNothing() {
        api.api.deliverToEveryone();

        assertThat(stubs.events.sweepReads).hasValue(0);
        assertThat(stubs.events.reads).hasValue(0);
    }

    private void append(UserId user) {
        long next = stubs.events.lastSequence(user) + 1;
        stubs.events.append(user, new Event.ChatMessageUpdate(Views.asset(500 + next)));
    }

    private SocketClient connect(long user, String query) {
        return SocketClient.connect(URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws" + query),
                Map.of("Authorization", "Bearer " + TestApi.token(user)));
    }
}
