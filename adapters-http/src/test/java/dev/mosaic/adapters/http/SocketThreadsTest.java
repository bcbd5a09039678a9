package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketThreadsTest {

    @Test
    void socketsKeepNoThreadThatWouldKeepAProcessAliveOnceTheServerStopped() {
        TestApi api = TestApi.start(new StubUseCases());
        SocketClient socket = SocketClient.connect(URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws"),
                Map.of("Authorization", "Bearer " + TestApi.token(1)));
        assertThat(socket.next().path("type").asText()).isEqualTo("ready");
        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName).contains("mosaic-ws-timers");

        api.close();

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive)
                .filteredOn(thread -> thread.getName().contains("WebSocketPing") || thread.getName().startsWith("mosaic-ws"))
                .allSatisfy(thread -> assertThat(thread.isDaemon()).as(thread.getName()).isTrue());
    }
}
