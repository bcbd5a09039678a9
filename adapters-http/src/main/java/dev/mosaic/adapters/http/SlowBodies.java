package dev.mosaic.adapters.http;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * Jetty's own guards against clients that send slowly or not at all, so that none of them holds a thread for long:
 * <ul>
 *   <li>the connector's idle timeout cuts off a connection that sends nothing (headers or body) for that long;</li>
 *   <li>{@link MinimumDataRateHandler} fails the read of a body that averages less than the floor rate;</li>
 *   <li>{@link EagerContentHandler} reads an API body without a thread (non-blocking, as it arrives) and calls
 *   Javalin only once it is whole, so a slow JSON body holds no thread at all;</li>
 *   <li>{@link QoSHandler} lets at most so many storage PUTs stream at once (each holds a thread while it writes
 *   to disk); the others wait for a slot without a thread.</li>
 * </ul>
 * A body cut off so surfaces as a read failure caused by a {@link java.util.concurrent.TimeoutException}: the
 * {@link ProblemMapper} answers it with 408 {@code request_timeout}.
 */
final class SlowBodies {

    /** Room for chunk framing above the largest JSON body, so a body of exactly the limit is still read whole. */
    private static final int FRAMING_ROOM = 64 * 1024;

    private SlowBodies() {
    }

    static void guard(JavalinConfig config, HttpSettings settings) {
        TrafficLimits limits = settings.limits();
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setPort(settings.port());
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            return connector;
        });
        config.jetty.modifyServer(server -> {
            MinimumDataRateHandler floor = new MinimumDataRateHandler(limits.minBodyRate(), 0);
            EagerContentHandler apiBodies = new EagerContentHandler(
                    new EagerContentHandler.RetainedContentLoaderFactory(settings.maxBodyBytes() + FRAMING_ROOM, -1,
                            false));
            apiBodies.includePath("/api/*");
            QoSHandler puts = new QoSHandler();
            puts.includeMethod("PUT");
            puts.includePath("/storage/*");
            puts.setMaxRequestCount(limits.maxConcurrentPuts());
            puts.setMaxSuspend(limits.idleTimeout());
            puts.setRejectStatusCode(503);
            floor.setHandler(apiBodies);
            apiBodies.setHandler(puts);
            server.setHandler(floor);
        });
    }
}
