package dev.mosaic.adapters.storage.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A signed URL's query values encoded as {@code URLEncoder} encodes them in UTF-8, a space as {@code %20}: the same
 * characters, without its per-call buffers for the values a signature is made of (digits, base64url, content types),
 * where it was half of signing a URL (JFR, issue 15). Any character outside ASCII goes to {@code URLEncoder} itself.
 */
final class QueryValues {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** What {@code URLEncoder} leaves as it is. */
    private static final boolean[] KEPT = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            KEPT[c] = true;
            KEPT[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            KEPT[c] = true;
        }
        for (char c : ".-*_".toCharArray()) {
            KEPT[c] = true;
        }
    }

    private QueryValues() {
    }

    static String encode(String value) {
        int length = value.length();
        int first = 0;
        while (first < length && kept(value.charAt(first))) {
            first++;
        }
        if (first == length) {
            return value;
        }
        StringBuilder encoded = new StringBuilder(length + 16).append(value, 0, first);
        for (int i = first; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 128) {
                return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            }
            if (KEPT[c]) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean kept(char c) {
        return c < 128 && KEPT[c];
    }
}
