package dev.mosaic.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An open socket keeps Jetty's WebSocket session and Mosaic's {@link EventSocket}, not the HTTP request it was
 * upgraded from: with 10,000 sockets open, each kept upgrade (servlet request and response, Jetty's HTTP/1
 * connection and parser, Javalin's copies of it) was most of a socket's 14 KiB of heap.
 */
class SocketMemoryTest {
    private static final int SOCKETS = 40;

    private final TestApi api = TestApi.start(new StubUseCases());
    private final List<SocketClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(SocketClient::close);
        api.close();
    }

    @Test
    void anOpenSocketKeepsNothingOfTheRequestItWasUpgradedFrom() throws Exception {
        for (int user = 1; user <= SOCKETS; user++) {
            SocketClient socket = SocketClient.connect(URI.create("ws://localhost:" + api.api.port() + "/api/v1/ws"),
                    Map.of("Authorization", "Bearer " + TestApi.token(user)));
            assertThat(socket.next().path("type").asText()).isEqualTo("ready");
            clients.add(socket);
        }

        String histogram = liveHistogram();

        assertThat(instances(histogram, EventSocket.class.getName())).isGreaterThanOrEqualTo(SOCKETS);
        assertThat(instances(histogram, "org.eclipse.jetty.websocket.core.WebSocketConnection"))
                .isGreaterThanOrEqualTo(SOCKETS);
        for (String upgradeClass : List.of("io.javalin.http.servlet.JavalinWsServletContext",
                "org.eclipse.jetty.ee10.servlet.ServletContextRequest", "org.eclipse.jetty.http.HttpParser",
                "org.eclipse.jetty.session.ManagedSession")) {
            assertThat(instances(histogram, upgradeClass)).as(upgradeClass).isLessThan(SOCKETS / 4);
        }
    }

    /** The live heap's class histogram (a full collection first), as {@code jcmd GC.class_histogram} prints it. */
    private static String liveHistogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    private static long instances(String histogram, String className) {
        return histogram.lines().map(String::strip).map(line -> line.split("\\s+"))
                .filter(columns -> columns.length >= 4 && columns[3].equals(className))
                .mapToLong(columns -> Long.parseLong(columns[1])).sum();
    }
}
