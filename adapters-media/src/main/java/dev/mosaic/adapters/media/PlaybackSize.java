package dev.mosaic.adapters.media;

/** The size of a transcoded picture: its shorter side at most the bound, same shape, even sides for 4:2:0. */
final class PlaybackSize {

    private PlaybackSize() {
    }

    static Size of(Size display, int shortSide) {
        int shorter = Math.min(display.width(), display.height());
        double scale = Math.min(1.0, (double) shortSide / shorter);
        return new Size(even(display.width() * scale), even(display.height() * scale));
    }

    private static int even(double side) {
        return Math.max(2, (int) Math.round(side) & ~1);
    }
}
