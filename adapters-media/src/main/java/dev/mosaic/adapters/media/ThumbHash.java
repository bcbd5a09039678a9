package dev.mosaic.adapters.media;

import java.awt.image.BufferedImage;
import java.util.Base64;

/**
 * A ThumbHash placeholder: about 25 bytes that a client paints, blurred, while the thumbnail
 * loads. Written from Evan Wallace's published algorithm (evanw.github.io/thumbhash): the picture
 * is turned into luminance, two colour differences and alpha, and each is kept as a few low
 * frequency cosine terms, four bits each.
 */
final class ThumbHash {
    /** The algorithm's own bound: more pixels cost time and add nothing. */
    static final int MAX_SIDE = 100;

    private ThumbHash() {
    }

    /** The placeholder of a packed RGB or ARGB picture, in standard Base64: at most 25 bytes, so at most 36 characters. */
    static String of(BufferedImage picture) {
        BufferedImage small = Pixels.fitWithin(picture, MAX_SIDE);
        int width = small.getWidth();
        int height = small.getHeight();
        int[] argb = small.getRGB(0, 0, width, height, null, 0, width);
        return Base64.getEncoder().encodeToString(encode(width, height, argb));
    }

    static byte[] encode(int width, int height, int[] argb) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || argb.length != width * height) {
            throw new IllegalArgumentException("a ThumbHash is made from 1x1 to 100x100 pixels");
        }
        Lpqa picture = Lpqa.of(argb);
        int lumaTerms = picture.hasAlpha ? 5 : 7;
        int longest = Math.max(width, height);
        int lx = Math.max(1, Math.round((float) (lumaTerms * width) / longest));
        int ly = Math.max(1, Math.round((float) (lumaTerms * height) / longest));
        Terms l = Terms.of(picture.l, width, height, Math.max(3, lx), Math.max(3, ly));
        Terms p = Terms.of(picture.p, width, height, 3, 3);
        Terms q = Terms.of(picture.q, width, height, 3, 3);
        Terms a = picture.hasAlpha ? Terms.of(picture.a, width, height, 5, 5) : null;

        boolean landscape = width > height;
        int header24 = Math.round(63f * l.dc)
                | Math.round(31.5f + 31.5f * p.dc) << 6
                | Math.round(31.5f + 31.5f * q.dc) << 12
                | Math.round(31f * l.scale) << 18
                | (picture.hasAlpha ? 1 << 23 : 0);
        int header16 = (landscape ? ly : lx)
                | Math.round(63f * p.scale) << 3
                | Math.round(63f * q.scale) << 9
                | (landscape ? 1 << 15 : 0);
        int acStart = picture.hasAlpha ? 6 : 5;
        int acCount = l.ac.length + p.ac.length + q.ac.length + (a == null ? 0 : a.ac.length);
        byte[] hash = new byte[acStart + (acCount + 1) / 2];
        hash[0] = (byte) header24;
        hash[1] = (byte) (header24 >> 8);
        hash[2] = (byte) (header24 >> 16);
        hash[3] = (byte) header16;
        hash[4] = (byte) (header16 >> 8);
        if (a != null) {
            hash[5] = (byte) (Math.round(15f * a.dc) | Math.round(15f * a.scale) << 4);
        }
        int nibble = 0;
        for (Terms terms : a == null ? new Terms[] {l, p, q} : new Terms[] {l, p, q, a}) {
            for (float value : terms.ac) {
                hash[acStart + nibble / 2] |= (byte) (Math.round(15f * value) << (nibble % 2 * 4));
                nibble++;
            }
        }
        return hash;
    }

    /** Luminance, yellow–blue, red–green and alpha, each 0–1 (or −1–1), composited on the mean colour. */
    private record Lpqa(float[] l, float[] p, float[] q, float[] a, boolean hasAlpha) {

        static Lpqa of(int[] argb) {
            float red = 0;
            float green = 0;
            float blue = 0;
            float opacity = 0;
            for (int pixel : argb) {
                float alpha = alpha(pixel);
                red += alpha * channel(pixel, 16);
                green += alpha * channel(pixel, 8);
                blue += alpha * channel(pixel, 0);
                opacity += alpha;
            }
            if (opacity > 0) {
                red /= opacity;
                green /= opacity;
                blue /= opacity;
            }
            int n = argb.length;
            Lpqa lpqa = new Lpqa(new float[n], new float[n], new float[n], new float[n], opacity < n);
            for (int i = 0; i < n; i++) {
                float alpha = alpha(argb[i]);
                float r = red * (1f - alpha) + alpha * channel(argb[i], 16);
                float g = green * (1f - alpha) + alpha * channel(argb[i], 8);
                float b = blue * (1f - alpha) + alpha * channel(argb[i], 0);
                lpqa.l[i] = (r + g + b) / 3f;
                lpqa.p[i] = (r + g) / 2f - b;
                lpqa.q[i] = r - g;
                lpqa.a[i] = alpha;
            }
            return lpqa;
        }

        private static float alpha(int pixel) {
            return (pixel >>> 24) / 255f;
        }

        private static float channel(int pixel, int shift) {
            return ((pixel >> shift) & 0xFF) / 255f;
        }
    }

    /** The cosine transform of one channel: its mean, and the varying terms scaled into 0–1. */
    private record Terms(float dc, float[] ac, float scale) {

        static Terms of(float[] channel, int width, int height, int nx, int ny) {
            float dc = 0;
            float scale = 0;
            float[] ac = new float[count(nx, ny)];
            int n = 0;
            float[] fx = new float[width];
            for (int cy = 0; cy < ny; cy++) {
                for (int cx = 0; cx * ny < nx * (ny - cy); cx++) {
                    for (int x = 0; x < width; x++) {
                        fx[x] = (float) Math.cos(Math.PI / width * cx * (x + 0.5f));
                    }
                    float f = 0;
                    for (int y = 0; y < height; y++) {
                        float fy = (float) Math.cos(Math.PI / height * cy * (y + 0.5f));
                        for (int x = 0; x < width; x++) {
                            f += channel[x + y * width] * fx[x] * fy;
                        }
                    }
                    f /= width * height;
                    if (cx == 0 && cy == 0) {
                        dc = f;
                    } else {
                        ac[n++] = f;
                        scale = Math.max(scale, Math.abs(f));
                    }
                }
            }
            if (scale > 0) {
                for (int i = 0; i < ac.length; i++) {
                    ac[i] = 0.5f + 0.5f / scale * ac[i];
                }
            }
            return new Terms(dc, ac, scale);
        }

        private static int count(int nx, int ny) {
            int count = 0;
            for (int cy = 0; cy < ny; cy++) {
                for (int cx = cy == 0 ? 1 : 0; cx * ny < nx * (ny - cy); cx++) {
                    count++;
                }
            }
            return count;
        }
    }
}
