package dev.mosaic.adapters.http;

import dev.mosaic.application.storage.ContentDisposition;
import dev.mosaic.application.storage.SignedUrlEndpoint;
import dev.mosaic.application.storage.SignedUrlEndpoint.Download;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves a local store's signed URLs. The signature is the credential, so no bearer token here; bodies stream
 * straight through (they may be gigabytes), so no body limit either.
 */
final class StorageController {

    static final String PATH = SignedUrlEndpoint.PATH_PREFIX + "<path>";

    private final SignedUrlEndpoint endpoint;
    private final String cacheControl;

    StorageController(SignedUrlEndpoint endpoint, Duration maxAge) {
        this.endpoint = endpoint;
        this.cacheControl = "private, max-age=" + maxAge.toSeconds();
    }

    void put(Context ctx) throws IOException {
        SignedUrlEndpoint.Stored stored;
        try (InputStream body = ctx.bodyInputStream()) {
            stored = endpoint.put(ctx.pathParam("path"), query(ctx), ctx.contentType(),
                    ctx.req().getContentLengthLong(), body);
        }
        ctx.header(Header.ETAG, stored.etag()).status(200);
    }

    void get(Context ctx) {
        Download download = describe(ctx);
        try {
            ctx.result(Files.newInputStream(download.file()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Types a browser would run as a page or a script. */
    private static final java.util.Set<String> ACTIVE_TYPES = java.util.Set.of("text/html", "application/xhtml+xml",
            "image/svg+xml", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
            "text/xml", "application/xml", "text/xsl", "application/x-shockwave-flash");

    void head(Context ctx) {
        describe(ctx);
    }

    private Download describe(Context ctx) {
        Download download = endpoint.get(ctx.pathParam("path"), query(ctx));
        ctx.disableCompression();
        // a sender's file is never run as a page or a script on our origin, whatever type it declared
        boolean attachment = download.attachmentName().isPresent();
        ctx.contentType(attachment && ACTIVE_TYPES.contains(download.contentType())
                ? "application/octet-stream" : download.contentType());
        ctx.header(Header.CONTENT_LENGTH, Long.toString(download.size()));
        ctx.header(Header.X_CONTENT_TYPE_OPTIONS, "nosniff");
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ctx.header(Header.CACHE_CONTROL, cacheControl);
        ctx.header(Header.CONTENT_DISPOSITION, download.attachmentName()
                .map(ContentDisposition::attachment)
                .orElse("inline"));
        return download;
    }

    private static Map<String, String> query(Context ctx) {
        Map<String, String> first = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            if (!parameter.getValue().isEmpty()) {
                first.put(parameter.getKey(), parameter.getValue().get(0));
            }
        }
        return first;
    }
}
