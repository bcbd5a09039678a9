package dev.mosaic.adapters.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Header;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The reference web client ({@code web/} on the classpath) at {@code /}: the demo page and {@code mosaic-client.js}.
 * Open to anyone; the page asks for a token itself.
 */
final class WebClient {

    static final String CLASSPATH_FOLDER = "/web";
    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    /** Files keep their names across releases, so browsers revalidate (the ETag makes that cheap). */
    static final String CACHE_CONTROL = "no-cache";
    /**
     * Scripts and styles from this server only; pictures, video and API calls may come from anywhere, since a
     * cloud store serves its signed URLs from its own origin.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src * data: blob:",
            "media-src * blob:",
            "connect-src *",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private WebClient() {
    }

    static void serve(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = CLASSPATH_FOLDER;
            files.location = Location.CLASSPATH;
            files.mimeTypes.add(JAVASCRIPT, "js", "mjs");
            files.headers = Map.of(
                    Header.CACHE_CONTROL, CACHE_CONTROL,
                    Header.X_CONTENT_TYPE_OPTIONS, "nosniff",
                    Header.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY,
                    Header.REFERRER_POLICY, "no-referrer");
        });
    }
}
