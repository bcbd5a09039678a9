package dev.mosaic.adapters.http;

import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.domain.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses, before anything reads it, a {@code Content-Type} that is not a media type with well-formed
 * parameters, or that names a charset nobody can decode (Jetty would throw on it deep inside).
 */
final class ContentTypeHeader {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");

    private ContentTypeHeader() {
    }

    static void check(Context ctx) {
        String header = ctx.header(Header.CONTENT_TYPE);
        if (header != null && !header.isBlank()) {
            String problem = problemWith(header);
            if (problem != null) {
                throw new RequestRejected(Reason.INVALID, "content_type_invalid",
                        "the Content-Type header " + problem);
            }
        }
    }

    /** What is wrong with this header value, or null when nothing is. */
    static String problemWith(String header) {
        String[] pieces = header.split(";", -1);
        if (ContentType.parse(pieces[0]).isEmpty()) {
            return "is not a media type (type/subtype)";
        }
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim();
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals).trim();
            String value = equals < 0 ? "" : parameter.substring(equals + 1).trim();
            if (!TOKEN.matcher(name).matches() || !(TOKEN.matcher(value).matches() || QUOTED.matcher(value).matches())) {
                return "has a malformed parameter";
            }
            if (name.toLowerCase(Locale.ROOT).equals("charset") && !isKnownCharset(unquote(value))) {
                return "names a charset this server does not know";
            }
        }
        return null;
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException illegal) {
            return false;
        }
    }

    private static String unquote(String value) {
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
