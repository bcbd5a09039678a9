package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.application.event.Event;
import dev.mosaic.domain.UserId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentDeliveryTest {

    private static final UserId ALICE = UserId.of(1);
    private static final UserId BOB = UserId.of(2);
    private static final int EVENTS = 300;

    private final StubUseCases stubs = new StubUseCases();
    private final TestApi api = TestApi.start(stubs);
    private final ExecutorService deliverers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() throws InterruptedException {
        deliverers.shutdownNow();
        deliverers.awaitTermination(5, TimeUnit.SECONDS);
        api.close();
    }

    @Test
    void racingDeliveriesAndReplaysSendEveryEventOnceInOrder() throws Exception {
        List<SocketClient> sockets = new ArrayList<>(List.of(connect(ALICE, ""), connect(ALICE, "")));
        sockets.forEach(SocketClient::next);
        SocketClient bob = connect(BOB, "");
        bob.next();

        List<Future<?>> deliveries = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            stubs.events.append(ALICE, new Event.ChatMessageUpdate(Views.asset(i)));
            deliveries.add(deliverers.submit(() -> api.api.deliver(List.of(ALICE, BOB))));
            deliveries.add(deliverers.submit(() -> api.api.deliver(List.of(ALICE))));
            if (i == EVENTS / 3) {
                sockets.add(connect(ALICE, "?since=0"));
            }
        }
        for (Future<?> delivery : deliveries) {
            delivery.get(10, TimeUnit.SECONDS);
        }
        api.api.deliver(List.of(ALICE));

        List<Long> expected = LongStream.rangeClosed(1, EVENTS).boxed().toList();
        for (SocketClient socket : sockets) {
            await().atMost(Duration.ofSeconds(10)).until(() -> events(socket).size() >= EVENTS);
            assertThat(events(socket)).isEqualTo(expected);
        }
        bob.assertNothingMoreThanPong();
    }

    private static List<Long> events(SocketClient socket) {
        return socket.received().stream().filter(frame -> frame.has("seq"))
                .map(frame -> frame.path("seq").asLong()).toList();
    }

    private SocketClient connect(UserId user, String query) {
        return SocketClient.connect(URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws" + query),
                Map.of("Authorization", "Bearer " + TestApi.token(user.value())));
    }
}
