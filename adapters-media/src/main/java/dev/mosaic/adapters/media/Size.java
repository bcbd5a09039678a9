package dev.mosaic.adapters.media;

/** Width and height of a picture, in pixels. */
record Size(int width, int height) {

    Size {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a picture has at least one pixel each way: " + width + "x" + height);
        }
    }

    long pixels() {
        return (long) width * height;
    }

    int longestSide() {
        return Math.max(width, height);
    }

    Size transposed() {
        return new Size(height, width);
    }

    /** The same shape with its longest side at most {@code longest}; never larger than this. */
    Size fitWithin(int longest) {
        if (longestSide() <= longest) {
            return this;
        }
        double scale = (double) longest / longestSide();
        return new Size(scaled(width, scale, longest), scaled(height, scale, longest));
    }

    /** The whole-number subsampling step that keeps the longest side at least {@code wanted}. */
    int subsamplingFor(int wanted) {
        return Math.max(1, longestSide() / wanted);
    }

    /** This size read with every {@code step}-th pixel each way. */
    Size subsampled(int step) {
        return new Size(ceilDiv(width, step), ceilDiv(height, step));
    }

    private static int scaled(int side, double scale, int longest) {
        return (int) Math.max(1, Math.min(longest, Math.round(side * scale)));
    }

    private static int ceilDiv(int value, int step) {
        return (int) ((value + (long) step - 1) / step);
    }
}
