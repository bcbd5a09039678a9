package dev.mosaic.adapters.media;

import java.util.Base64;

/** Reads back the header fields of a ThumbHash, as a client's decoder would. */
final class ThumbHashReading {

    private ThumbHashReading() {
    }

    static boolean hasAlpha(String placeholder) {
        return (Base64.getDecoder().decode(placeholder)[2] & 0x80) != 0;
    }

    static boolean isLandscape(String placeholder) {
        return (Base64.getDecoder().decode(placeholder)[4] & 0x80) != 0;
    }

    /** The mean colour as packed RGB, from the header's luminance and colour differences. */
    static int averageRgb(String placeholder) {
        byte[] hash = Base64.getDecoder().decode(placeholder);
        int header = (hash[0] & 0xFF) | (hash[1] & 0xFF) << 8 | (hash[2] & 0xFF) << 16;
        float l = (header & 63) / 63f;
        float p = ((header >> 6) & 63) / 31.5f - 1f;
        float q = ((header >> 12) & 63) / 31.5f - 1f;
        float b = l - 2f / 3f * p;
        float r = (3f * l - b + q) / 2f;
        float g = r - q;
        return channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    private static int channel(float value) {
        return Math.round(255f * Math.max(0f, Math.min(1f, value)));
    }
}
