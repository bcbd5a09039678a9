package dev.mosaic.adapters.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * Jetty's {@link LocalConnector} on the running server, with the same HTTP configuration as its network connector:
 * raw bytes go through the same parser, handlers, routes and error handling, only without a socket.
 */
final class InMemoryConnector {
    private final LocalConnector connector;

    private InMemoryConnector(LocalConnector connector) {
        this.connector = connector;
    }

    static InMemoryConnector on(Server server) {
        HttpConnectionFactory http = server.getConnectors()[0].getConnectionFactory(HttpConnectionFactory.class);
        LocalConnector connector = new LocalConnector(server, new HttpConnectionFactory(http.getHttpConfiguration()));
        server.addConnector(connector);
        try {
            connector.start();
        } catch (Exception e) {
            throw new IllegalStateException("the in-memory connector did not start", e);
        }
        return new InMemoryConnector(connector);
    }

    /**
     * Sends the bytes as a connection's whole input (then its end) and answers what came back, maybe nothing. Jetty's
     * own threads read them, as from a socket: fed from the caller's thread ({@code addInput}), the read ran there
     * while a server thread closed the connection, and Jetty released the request buffer twice (a fuzzer finding in
     * Jetty's in-memory feeding, jetty/jetty.project#12939; no answer was wrong).
     */
    ByteBuffer exchange(ByteBuffer request, Duration timeout) {
        LocalConnector.LocalEndPoint endpoint = connector.connect();
        endpoint.addInputAndExecute(request);
        endpoint.addInputAndExecute((ByteBuffer) null); // the end of the input
        try {
            ByteBuffer response = endpoint.waitForResponse(false, timeout.toMillis(), TimeUnit.MILLISECONDS);
            return response == null ? ByteBuffer.allocate(0) : response;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (Exception failed) {
            throw new IllegalStateException("the in-memory exchange failed", failed);
        } finally {
            endpoint.close();
        }
    }
}
