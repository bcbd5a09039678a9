package dev.mosaic.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

/**
 * How clients reach this node.
 *
 * @param port        the HTTP port ({@code MOSAIC_PORT}; 0 picks a free one here)
 * @param publicUrl   how clients reach it, no trailing slash ({@code MOSAIC_PUBLIC_URL})
 * @param corsOrigins origins allowed to call the API from a browser ({@code MOSAIC_CORS_ORIGINS})
 * @param devSignIn   whether the demo page may sign in as anyone ({@code MOSAIC_DEV_SIGN_IN})
 */
public record HttpConfig(int port, URI publicUrl, List<String> corsOrigins, boolean devSignIn) {

    public HttpConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    static HttpConfig read(Env env, TokenConfig tokens) {
        int requested = env.integer("MOSAIC_PORT", 8080, 0, 65535);
        int port = requested == 0 ? freePort() : requested;
        URI publicUrl = withoutTrailingSlash(env.url("MOSAIC_PUBLIC_URL").orElse(URI.create("http://localhost:" + port)));
        return new HttpConfig(port, publicUrl, env.list("MOSAIC_CORS_ORIGINS", "*"),
                devSignIn(env, tokens, publicUrl));
    }

    /**
     * Anyone may be any user only with Mosaic's own generated secret, and unless {@code MOSAIC_DEV_SIGN_IN}
     * says otherwise, only while the server is reached on loopback.
     */
    private static boolean devSignIn(Env env, TokenConfig tokens, URI publicUrl) {
        if (tokens.isConfigured()) {
            return false;
        }
        String host = publicUrl.getHost();
        return env.flag("MOSAIC_DEV_SIGN_IN")
                .orElse(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    /** Port 0 means any free port; it is chosen here, as signed URLs must name it before the server starts. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ConfigException("no free port to listen on: " + e.getMessage());
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
