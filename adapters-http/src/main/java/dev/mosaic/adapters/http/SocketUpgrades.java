package dev.mosaic.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.domain.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * Upgrades {@code /api/v1/ws} on Jetty's WebSocket core, in front of the servlets: the upgrade draws from the rate
 * limits, declines permessage-deflate and hands the socket a {@link SocketEndpoint}. Through the servlet layer
 * (Javalin's {@code ws} route on Jetty's WebSocket API) every open socket kept the whole upgrade for its life: the
 * API's upgrade response keeps a live view of the core response's headers, and with it the request, the servlet
 * channel, the HTTP/1 connection and parser, the HTTP session Javalin opened and Javalin's copies of the headers and
 * attributes: most of a socket's 14 KiB of heap (BENCHMARK.md, sockets). Here nothing keeps the upgrade.
 */
final class SocketUpgrades extends WebSocketNegotiator.AbstractNegotiator {

    private final EventGateway gateway;
    private final Throttle throttle;
    private final Authentication authentication;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    SocketUpgrades(EventGateway gateway, Throttle throttle, Authentication authentication, ObjectMapper mapper,
                   MeterRegistry registry, int maxFrameBytes, Duration idleTimeout) {
        this.gateway = gateway;
        this.throttle = throttle;
        this.authentication = authentication;
        this.mapper = mapper;
        this.registry = registry;
        setMaxTextMessageSize(maxFrameBytes);
        setMaxBinaryMessageSize(maxFrameBytes);
        setIdleTimeout(idleTimeout);
    }

    /** A handler to put in front of the servlets: it upgrades the socket paths and passes everything else on. */
    WebSocketUpgradeHandler handler(String path) {
        WebSocketUpgradeHandler handler = new WebSocketUpgradeHandler();
        handler.setHandler((Handler) null);
        handler.addMapping(path, this);
        handler.addMapping(path + "/", this);
        return handler;
    }

    @Override
    public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String since;
        try {
            since = Request.extractQueryParameters(request).getValue("since");
        } catch (BadMessageException malformed) {
            // read before the rate limit, so a request that cannot be served takes no token: the answer Jetty gives
            // any malformed request
            answer(response, callback, JettyProblems.problem(400));
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        UserId remembered;
        try {
            remembered = throttle.socketUpgrade(authorization, Request.getRemoteAddr(request), authentication);
        } catch (RateLimited limited) {
            Refusals.count(registry, RateLimited.CODE);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
            answer(response, callback, Problem.of(429, RateLimited.CODE, limited.getMessage()));
            return null;
        }
        // declined: kept per socket with its windows, zlib's state cost ~110 KB outside the heap for each idle
        // socket, to save a few dozen bytes on event frames of a few hundred (BENCHMARK.md, sockets)
        response.setExtensions(List.of());
        return new SocketEndpoint(gateway, authorization, remembered, since);
    }

    private void answer(ServerUpgradeResponse response, Callback callback, Problem problem) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
