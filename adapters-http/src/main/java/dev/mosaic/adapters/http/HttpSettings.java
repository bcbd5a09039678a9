package dev.mosaic.adapters.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP adapter listens and what it accepts.
 *
 * @param port              0 picks a free port (see {@link HttpApi#port()})
 * @param allowedOrigins    browser origins allowed by CORS, e.g. {@code https://chat.example.com}; {@code *} for any
 * @param maxBodyBytes      the largest JSON body accepted (storage uploads are streamed and not limited by this)
 * @param socketAuthTimeout how long a WebSocket may stay open without authenticating
 * @param maxFrameBytes     the largest WebSocket text frame accepted
 * @param storageMaxAge     how long browsers may cache a file served from {@code /storage/}
 * @param devSignIn         whether {@code POST /api/v1/dev/token} hands out tokens to anyone who asks: only for a
 *                          development server whose secret was generated, never with a configured secret or JWKS
 * @param limits            slow bodies, rate limits and socket caps
 */
public record HttpSettings(int port, List<String> allowedOrigins, long maxBodyBytes, TokenSettings tokens,
                           Duration socketAuthTimeout, int maxFrameBytes, Duration storageMaxAge, boolean devSignIn,
                           TrafficLimits limits) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_SOCKET_AUTH_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
    public static final Duration DEFAULT_STORAGE_MAX_AGE = Duration.ofHours(1);

    public HttpSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(tokens, "tokens");
        if (socketAuthTimeout.isNegative() || socketAuthTimeout.isZero()) {
            throw new IllegalArgumentException("socketAuthTimeout must be positive");
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1024");
        }
        if (storageMaxAge.isNegative()) {
            throw new IllegalArgumentException("storageMaxAge must not be negative");
        }
        Objects.requireNonNull(limits, "limits");
    }

    /** The defaults: no CORS origins, 1 MiB bodies, 10 s to authenticate a socket, 64 KiB frames, no dev sign-in. */
    public static HttpSettings of(int port, TokenSettings tokens) {
        return new HttpSettings(port, List.of(), DEFAULT_MAX_BODY_BYTES, tokens, DEFAULT_SOCKET_AUTH_TIMEOUT,
                DEFAULT_MAX_FRAME_BYTES, DEFAULT_STORAGE_MAX_AGE, false, TrafficLimits.defaults());
    }

    public HttpSettings withAllowedOrigins(List<String> origins) {
        return new HttpSettings(port, origins, maxBodyBytes, tokens, socketAuthTimeout, maxFrameBytes, storageMaxAge,
                devSignIn, limits);
    }

    public HttpSettings withMaxBodyBytes(long bytes) {
        return new HttpSettings(port, allowedOrigins, bytes, tokens, socketAuthTimeout, maxFrameBytes, storageMaxAge,
                devSignIn, limits);
    }

    public HttpSettings withSocketAuthTimeout(Duration timeout) {
        return new HttpSettings(port, allowedOrigins, maxBodyBytes, tokens, timeout, maxFrameBytes, storageMaxAge,
                devSignIn, limits);
    }

    public HttpSettings withMaxFrameBytes(int bytes) {
        return new HttpSettings(port, allowedOrigins, maxBodyBytes, tokens, socketAuthTimeout, bytes, storageMaxAge,
                devSignIn, limits);
    }

    public HttpSettings withStorageMaxAge(Duration maxAge) {
        return new HttpSettings(port, allowedOrigins, maxBodyBytes, tokens, socketAuthTimeout, maxFrameBytes, maxAge,
                devSignIn, limits);
    }

    public HttpSettings withDevSignIn(boolean enabled) {
        return new HttpSettings(port, allowedOrigins, maxBodyBytes, tokens, socketAuthTimeout, maxFrameBytes,
                storageMaxAge, enabled, limits);
    }

    public HttpSettings withLimits(TrafficLimits trafficLimits) {
        return new HttpSettings(port, allowedOrigins, maxBodyBytes, tokens, socketAuthTimeout, maxFrameBytes,
                storageMaxAge, devSignIn, trafficLimits);
    }
}
