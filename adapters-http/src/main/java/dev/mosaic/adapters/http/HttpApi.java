package dev.mosaic.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.application.port.out.ProgressBroadcast.ProgressNote;
import dev.mosaic.domain.UserId;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;

/**
 * Mosaic over HTTP: the REST API, the event WebSocket, signed storage URLs, and the operations endpoints.
 * The one public entry of this module.
 */
public final class HttpApi {

    static final Duration SOCKET_IDLE_TIMEOUT = Duration.ofMinutes(2);
    static final String SOCKET_PATH = "/api/v1/ws";

    private final Javalin app;
    private final EventGateway gateway;
    private final Authentication authentication;
    private InMemoryConnector inMemory;

    private HttpApi(Javalin app, EventGateway gateway, Authentication authentication) {
        this.app = app;
        this.gateway = gateway;
        this.authentication = authentication;
    }

    public static HttpApi create(UseCases useCases, HttpSettings settings, List<HealthCheck> healthChecks,
                                 PrometheusMeterRegistry registry) {
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
        ObjectMapper mapper = Json.mapper();
        Throttle throttle = new Throttle(settings.limits());
        Authentication authentication = new Authentication(new TokenVerifier(settings.tokens()), throttle);
        EventGateway gateway = new EventGateway(useCases.readEvents(), useCases.reportUploadProgress(),
                useCases.relayUploadProgress(), authentication,
                new SocketFrames(mapper), settings.socketAuthTimeout(),
                new SocketCaps(settings.limits().socketsPerUser(), settings.limits().socketsPerAddress()), registry);
        Javalin app = Javalin.create(config -> {
            configureServer(config, settings, mapper, registry, gateway, throttle, authentication);
            WebClient.serve(config);
            routes(config, useCases, settings, mapper, authentication,
                    new OperationsController(healthChecks, registry), new ProblemMapper(mapper, registry));
        });
        return new HttpApi(app, gateway, authentication);
    }

    private static void configureServer(JavalinConfig config, HttpSettings settings, ObjectMapper mapper,
                                        PrometheusMeterRegistry registry, EventGateway gateway, Throttle throttle,
                                        Authentication authentication) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.port = settings.port();
        SlowBodies.guard(config, settings);
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.prefer405over404 = true;
        config.jsonMapper(new JavalinJackson(mapper, false));
        SocketUpgrades sockets = new SocketUpgrades(gateway, throttle, authentication, mapper, registry,
                settings.maxFrameBytes(), SOCKET_IDLE_TIMEOUT);
        config.jetty.modifyServletContextHandler(context -> context.insertHandler(sockets.handler(SOCKET_PATH)));
        // Mosaic keeps nothing in HTTP sessions, but Javalin opened one on every WebSocket upgrade it served (it
        // snapshots the session's attributes) and Jetty's default cache would hold each, never expiring, for the
        // process's life (BENCHMARK.md, sockets). None is kept, none is cookied.
        config.jetty.modifyServletContextHandler(context -> {
            SessionHandler sessions = context.getSessionHandler();
            NullSessionCache none = new NullSessionCache(sessions);
            none.setSessionDataStore(new NullSessionDataStore());
            sessions.setSessionCache(none);
            sessions.setUsingCookies(false);
        });
        config.requestLogger.http(new RequestMetrics(registry));
        JettyProblems jettyProblems = new JettyProblems(mapper);
        config.jetty.modifyServer(server -> server.setErrorHandler(jettyProblems));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyProblems));
    }

    private static void routes(JavalinConfig config, UseCases useCases, HttpSettings settings, ObjectMapper mapper,
                               Authentication authentication, OperationsController operations, ProblemMapper problems) {
        JsonBody bodies = new JsonBody(mapper, settings.maxBodyBytes());
        UploadController uploads = new UploadController(useCases, bodies,
                new JsonAnswers(mapper, config.http.compressionStrategy));
        MessageController messages = new MessageController(useCases);
        Cors cors = new Cors(settings.allowedOrigins());

        config.routes.before(cors::apply);
        config.routes.before(ContentTypeHeader::check);
        config.routes.beforeMatched("/api/*", authentication::authenticate);

        config.routes.post("/api/v1/files/upload", uploads::send);
        config.routes.post("/api/v1/files/upload/complete", uploads::complete);
        config.routes.post("/api/v1/files/upload/parts", uploads::signParts);
        config.routes.post("/api/v1/files/upload/abort", uploads::abort);
        config.routes.post("/api/v1/files/upload/replace", uploads::replace);
        S3FaceController s3 = new S3FaceController(useCases, bodies);
        config.routes.post(S3FaceController.PATH + "/initiate", s3::initiate);
        config.routes.get(S3FaceController.PATH + "/parts", s3::listParts);
        config.routes.post(S3FaceController.PATH + "/complete", s3::complete);
        config.routes.delete(S3FaceController.PATH, s3::abort);
        config.routes.get("/api/v1/messages/{message_id}", messages::get);
        config.routes.get("/api/v1/conversations/{peer_id}/messages", messages::list);
        config.routes.get("/api/v1/limits", new LimitsController(useCases.readLimits())::get);
        // /api/v1/ws is not a Javalin route: SocketUpgrades upgrades it in front of the servlets (configureServer)
        if (settings.devSignIn()) {
            DevSignIn devSignIn = new DevSignIn(settings.tokens(), bodies);
            config.routes.post(DevSignIn.PATH, devSignIn::issue, Authentication.Access.ANYONE);
        }

        useCases.signedUrls().ifPresent(endpoint -> {
            StorageController storage = new StorageController(endpoint, settings.storageMaxAge());
            config.routes.put(StorageController.PATH, storage::put);
            config.routes.get(StorageController.PATH, storage::get);
            config.routes.head(StorageController.PATH, storage::head);
        });

        config.routes.get("/health", operations::health);
        config.routes.get("/metrics", operations::metrics);
        config.routes.get("/openapi.json", operations::openApi);

        config.routes.exception(HttpResponseException.class, problems::handle);
        config.routes.exception(Exception.class, problems::handle);
    }

    /** How many tokens were verified, for tests. */
    long tokenVerifications() {
        return authentication.verifications();
    }

    /** The session cache of the servlet context, for tests. */
    Object sessionCache() {
        Server server = app.jettyServer().server();
        return server.getDescendant(SessionHandler.class).getSessionCache();
    }

    /** Starts listening; {@link #port()} tells where. */
    public HttpApi start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * Sends raw HTTP/1.1 bytes through an in-memory connector on this server (the same parser, handlers and
     * routes as the network, without a socket) and answers the raw response, empty when the server answered
     * nothing. For tests and tools that drive many requests, such as the HTTP fuzzer.
     */
    public ByteBuffer exchangeInMemory(ByteBuffer request, Duration timeout) {
        return inMemory().exchange(request, timeout);
    }

    private synchronized InMemoryConnector inMemory() {
        if (inMemory == null) {
            inMemory = InMemoryConnector.on(app.jettyServer().server());
        }
        return inMemory;
    }

    public void stop() {
        closeSockets();
        app.stop();
    }

    /** The first half of {@link #stop}: every socket is closed, while the server still accepts. */
    void closeSockets() {
        gateway.shutdown();
    }

    /** Pushes the new events of these users to their open sockets; wire it to the event notifier. */
    public void deliver(Collection<UserId> users) {
        gateway.deliver(users);
    }

    /** Upload progress another node relayed, for the sockets of its audience on this node. */
    public void relayProgress(ProgressNote note) {
        gateway.relayFromAnotherNode(note);
    }

    /** Catches up every socket on this node from the event log: after a missed notification, say. */
    public void deliverToEveryone() {
        gateway.deliverToEveryone();
    }
}
