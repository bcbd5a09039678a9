package dev.mosaic.adapters.media;

import java.awt.image.BufferedImage;

/** Names the colour of a pixel roughly, as lossy encodings leave it. */
enum Colors {
    RED, GREEN, BLUE, OTHER;

    static Colors at(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        int red = (rgb >> 16) & 0xFF;
        int green = (rgb >> 8) & 0xFF;
        int blue = rgb & 0xFF;
        if (red > 180 && green < 80 && blue < 80) {
            return RED;
        }
        if (green > 180 && red < 80 && blue < 80) {
            return GREEN;
        }
        if (blue > 180 && red < 80 && green < 80) {
            return BLUE;
        }
        return OTHER;
    }
}
