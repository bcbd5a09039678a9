package dev.mosaic.adapters.media;

import java.awt.image.BufferedImage;

/**
 * Pictures whose true look at any size is known, and how far a rendition is from it: a sum of waves, sampled at
 * pixel centres, so that the same picture can be drawn at the source's size and at the rendition's.
 */
final class Fidelity {

    private Fidelity() {
    }

    /**
     * The picture at {@code width}×{@code height}, whose finest wave has {@code finest} cycles per pixel of a
     * {@code reference}-pixel-wide drawing (below 0.5, so a rendition that wide can hold it).
     */
    static BufferedImage waves(int width, int height, int reference, double finest) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        double scale = (double) reference / width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (x + 0.5) * scale;
                double v = (y + 0.5) * scale;
                double red = 128 + 60 * Math.sin(u * finest * 2 * Math.PI) + 50 * Math.cos(v * 0.05);
                double green = 128 + 50 * Math.sin((u + v) * finest * 0.7 * 2 * Math.PI) + 40 * Math.sin(u * 0.013);
                double blue = 128 + 55 * Math.cos(v * finest * 0.9 * 2 * Math.PI) + 45 * Math.sin((u - v) * 0.02);
                image.setRGB(x, y, (clamp(red) << 16) | (clamp(green) << 8) | clamp(blue));
            }
        }
        return image;
    }

    /** Peak signal-to-noise ratio of {@code image} against {@code truth}, over the three channels, in dB. */
    static double psnr(BufferedImage image, BufferedImage truth) {
        if (image.getWidth() != truth.getWidth() || image.getHeight() != truth.getHeight()) {
            throw new IllegalArgumentException("sizes differ");
        }
        double squares = 0;
        for (int y = 0; y < truth.getHeight(); y++) {
            for (int x = 0; x < truth.getWidth(); x++) {
                int a = image.getRGB(x, y);
                int b = truth.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    double difference = ((a >> shift) & 0xFF) - ((b >> shift) & 0xFF);
                    squares += difference * difference;
                }
            }
        }
        double meanSquare = squares / (3.0 * truth.getWidth() * truth.getHeight());
        return 10 * Math.log10(255.0 * 255.0 / Math.max(meanSquare, 1e-9));
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
