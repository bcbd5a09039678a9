package dev.mosaic.adapters.http;

import dev.mosaic.application.port.out.Unavailable;
import dev.mosaic.domain.UserId;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.messages.StringMessageSink;
import org.eclipse.jetty.websocket.core.util.MethodHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket on Jetty's WebSocket core: whole text messages (Jetty's own sink checks their size and UTF-8) go to
 * the gateway, pings are answered, and a binary frame closes the socket. It keeps the upgrade's three facts the
 * gateway needs until the socket opens, and nothing else of the upgrade (see {@link SocketUpgrades}).
 */
final class SocketEndpoint implements FrameHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SocketEndpoint.class);
    private static final MethodHandle TEXT;

    static {
        try {
            TEXT = MethodHandles.lookup().findVirtual(SocketEndpoint.class, "text",
                    MethodType.methodType(void.class, String.class));
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private final EventGateway gateway;
    private String authorization;
    private UserId remembered;
    private String since;
    private CoreSession session;
    private EventSocket socket;
    private StringMessageSink texts;
    private boolean inText;

    SocketEndpoint(EventGateway gateway, String authorization, UserId remembered, String since) {
        this.gateway = gateway;
        this.authorization = authorization;
        this.remembered = remembered;
        this.since = since;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        try {
            session = coreSession;
            texts = new StringMessageSink(coreSession, MethodHolder.from(TEXT.bindTo(this)), true);
            socket = new EventSocket(coreSession);
            String header = authorization;
            UserId user = remembered;
            String cursor = since;
            authorization = null;
            remembered = null;
            since = null;
            guarded(() -> gateway.opened(socket, header, user, cursor));
            callback.succeeded();
            coreSession.demand();
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        switch (frame.getOpCode()) {
            case OpCode.TEXT -> {
                inText = !frame.isFin();
                texts.accept(frame, callback);
            }
            case OpCode.CONTINUATION -> {
                if (inText) {
                    inText = !frame.isFin();
                    texts.accept(frame, callback);
                } else {
                    next(callback);
                }
            }
            case OpCode.BINARY -> {
                gateway.receivedBinary(socket);
                next(callback);
            }
            case OpCode.PING -> {
                session.sendFrame(new Frame(OpCode.PONG).setPayload(BufferUtil.copy(frame.getPayload())),
                        Callback.NOOP, false);
                next(callback);
            }
            case OpCode.CLOSE -> callback.succeeded();
            default -> next(callback);
        }
    }

    private void next(Callback callback) {
        callback.succeeded();
        session.demand();
    }

    private void text(String message) {
        guarded(() -> gateway.received(socket, message));
    }

    /**
     * Runs the gateway's part. A failure there is Mosaic's, never the client's: an outage closes the socket with
     * {@code 1013 try_again_later} (the client reconnects with backoff, as after any drop) and a WARN line, anything
     * else with {@code 1011 server_error} and an ERROR line. The close reason never carries the failure's text.
     */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException failure) {
            if (outage(failure)) {
                LOG.warn("Socket {} closed with try_again_later: {}", socket.id(), failure.toString());
                socket.close(CloseStatus.TRY_AGAIN_LATER, "try_again_later");
            } else {
                LOG.error("Socket {} failed; closed with server_error", socket.id(), failure);
                socket.close(CloseStatus.SERVER_ERROR, "server_error");
            }
        }
    }

    private static boolean outage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Unavailable) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        LOG.debug("Socket {} failed", socket == null ? "(not open)" : socket.id(), cause);
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        if (socket != null) {
            gateway.closed(socket);
        }
        callback.succeeded();
    }
}
