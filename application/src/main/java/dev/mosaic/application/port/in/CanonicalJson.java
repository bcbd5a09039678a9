package dev.mosaic.application.port.in;

/**
 * Writes JSON in one canonical form (fields in the caller's order, no spaces, nulls written out, strings
 * escaped one way), so that two requests encode alike exactly when they are alike.
 */
final class CanonicalJson {

    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

    CanonicalJson open(char bracket) {
        separate();
        out.append(bracket);
        first = true;
        return this;
    }

    CanonicalJson close(char bracket) {
        out.append(bracket);
        first = false;
        return this;
    }

    CanonicalJson name(String name) {
        separate();
        string(name);
        out.append(':');
        first = true;
        return this;
    }

    CanonicalJson field(String name, Object value) {
        name(name);
        first = false;
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text);
        } else {
            out.append(value);
        }
        return this;
    }

    private void separate() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** The SHA-256 of the canonical form, in hex: what a repeated request is recognised by. */
    String sha256() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
