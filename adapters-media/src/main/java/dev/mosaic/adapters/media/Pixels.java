package dev.mosaic.adapters.media;

import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import org.imgscalr.Scalr;
import org.imgscalr.Scalr.Method;
import org.imgscalr.Scalr.Mode;

/** Moves decoded pictures into the two layouts imgscalr and the encoders handle well. */
final class Pixels {

    private Pixels() {
    }

    /** Packed RGB, or ARGB when the picture has transparency; grey, palette and CMYK are converted. */
    static BufferedImage packed(BufferedImage decoded) {
        boolean alpha = decoded.getColorModel().hasAlpha();
        int wanted = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (decoded.getType() == wanted) {
            return decoded;
        }
        BufferedImage packed = new BufferedImage(decoded.getWidth(), decoded.getHeight(), wanted);
        int space = decoded.getColorModel().getColorSpace().getType();
        if (space == ColorSpace.TYPE_RGB || space == ColorSpace.TYPE_GRAY) {
            Graphics2D graphics = packed.createGraphics();
            try {
                graphics.drawImage(decoded, 0, 0, null);
            } finally {
                graphics.dispose();
            }
        } else {
            new ColorConvertOp(null).filter(decoded, packed);
        }
        return packed;
    }

    /**
     * Scaled down so the longest side is at most {@code longest}; a smaller picture is kept as it is. A reduction
     * to half or less goes in halving bicubic steps (imgscalr's QUALITY), so that no detail aliases; a smaller one
     * is a single bilinear step, which aliases nothing at that ratio either and costs a third of Java2D's bicubic
     * (a TurboJPEG 3/8 decode of a 12 MP photo to the 1280 preview: 14 against 45 ms; bootstrap/BENCHMARK.md,
     * issue 15, fourth session).
     */
    static BufferedImage fitWithin(BufferedImage image, int longest) {
        Size size = new Size(image.getWidth(), image.getHeight());
        Size target = size.fitWithin(longest);
        if (target.equals(size)) {
            return image;
        }
        return Scalr.resize(image, oneStep(size, target) ? Method.BALANCED : Method.QUALITY, Mode.FIT_EXACT,
                target.width(), target.height());
    }

    /** Whether {@code target} is at least half of {@code size} each way. */
    static boolean oneStep(Size size, Size target) {
        return 2L * target.width() >= size.width() && 2L * target.height() >= size.height();
    }
}
