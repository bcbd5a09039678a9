package dev.mosaic.adapters.storage.gcs;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Google's V4 signing process for the XML API, rewritten here from its documentation ("Canonical
 * requests", "Signatures") and not from the client library: it rebuilds the canonical request from a
 * request as a client would send it, then checks {@code X-Goog-Signature} with the signer's public key,
 * as GCS does on receipt. A request whose method, object, signed headers or query differ does not verify.
 */
final class V4Signatures {

    static final String ALGORITHM = "GOOG4-RSA-SHA256";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /** A request as it reaches GCS: method, the URL as signed, and the headers the client sent. */
    record Request(String method, URI url, Map<String, String> headers) {
        Request {
            Map<String, String> lower = new LinkedHashMap<>();
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
            lower.putIfAbsent("host", url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort());
            headers = Map.copyOf(lower);
        }
    }

    private V4Signatures() {
    }

    /** The query parameters, decoded, in their order in the URL. */
    static Map<String, String> query(URI url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : rawPairs(url)) {
            params.put(decode(pair.getKey()), decode(pair.getValue()));
        }
        return params;
    }

    static boolean verifies(Request request, PublicKey key) {
        Map<String, String> query = query(request.url());
        String signature = query.get("X-Goog-Signature");
        if (signature == null || !ALGORITHM.equals(query.get("X-Goog-Algorithm"))) {
            return false;
        }
        String canonical = canonicalRequest(request);
        if (canonical == null) {
            return false;
        }
        String stringToSign = ALGORITHM + "\n" + query.get("X-Goog-Date") + "\n"
                + scope(query.get("X-Goog-Credential")) + "\n" + hex(sha256(canonical));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(HexFormat.of().parseHex(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** When the URL stops working: {@code X-Goog-Date} plus {@code X-Goog-Expires} seconds. */
    static Instant expiry(URI url) {
        Map<String, String> query = query(url);
        return LocalDateTime.parse(query.get("X-Goog-Date"), DATE_TIME).toInstant(ZoneOffset.UTC)
                .plusSeconds(Long.parseLong(query.get("X-Goog-Expires")));
    }

    static List<String> signedHeaders(URI url) {
        return List.of(query(url).getOrDefault("X-Goog-SignedHeaders", "").split(";"));
    }

    /**
     * Verb, path, query (every parameter but the signature, names and values percent-encoded, sorted),
     * the signed headers as sent (lower-case names, trimmed values, sorted), their names, and the
     * payload marker of signed URLs. Null when a signed header was not sent.
     */
    static String canonicalRequest(Request request) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(canonicalPath(request.url())).append('\n')
                .append(canonicalQuery(request.url())).append('\n');
        List<String> signed = signedHeaders(request.url());
        for (String name : signed.stream().sorted().toList()) {
            String value = request.headers().get(name);
            if (value == null) {
                return null;
            }
            canonical.append(name).append(':').append(value.strip().replaceAll("\\s+", " ")).append('\n');
        }
        return canonical.append('\n')
                .append(signed.stream().sorted().collect(Collectors.joining(";"))).append('\n')
                .append("UNSIGNED-PAYLOAD")
                .toString();
    }

    private static String canonicalPath(URI url) {
        List<String> segments = new ArrayList<>();
        for (String segment : url.getRawPath().split("/", -1)) {
            segments.add(encode(decode(segment)));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(URI url) {
        TreeMap<String, String> sorted = new TreeMap<>(Comparator.naturalOrder());
        query(url).forEach((name, value) -> {
            if (!name.equals("X-Goog-Signature")) {
                sorted.put(encode(name), encode(value));
            }
        });
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /** {@code email/date/location/service/goog4_request} minus the email. */
    private static String scope(String credential) {
        return credential == null ? "" : credential.substring(credential.indexOf('/') + 1);
    }

    private static List<Map.Entry<String, String>> rawPairs(URI url) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (url.getRawQuery() == null) {
            return pairs;
        }
        for (String pair : url.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            pairs.add(equals < 0 ? new SimpleEntry<>(pair, "") : new SimpleEntry<>(pair.substring(0, equals),
                    pair.substring(equals + 1)));
        }
        return pairs;
    }

    /** RFC 3986: unreserved characters as they are, every other byte of the UTF-8 as %XX. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (UNRESERVED.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
