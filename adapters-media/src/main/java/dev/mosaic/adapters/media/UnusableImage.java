package dev.mosaic.adapters.media;

import dev.mosaic.domain.Refusal;
import java.time.Duration;

/** Thrown inside the image pipeline when the file itself can never be processed; becomes a refusal. */
final class UnusableImage extends RuntimeException {
    private final transient Refusal refusal;

    private UnusableImage(String code, String detail, Throwable cause) {
        super(code + ": " + detail, cause, false, false);
        this.refusal = new Refusal(code, detail);
    }

    Refusal refusal() {
        return refusal;
    }

    static UnusableImage tooManyScans(int maxScans) {
        return new UnusableImage("image_too_many_scans",
                "the JPEG has more than " + maxScans + " progressive scans", null);
    }

    static UnusableImage tooLarge(Size size, long maxPixels) {
        return new UnusableImage("image_too_large", "the image is " + size.width() + "x" + size.height()
                + " pixels; at most " + maxPixels + " pixels are accepted", null);
    }

    static UnusableImage declaredTooLarge(String detail) {
        return new UnusableImage("image_too_large", detail, null);
    }

    static UnusableImage tooSlow(Duration limit) {
        return new UnusableImage("image_too_slow", "decoding it took longer than " + limit.toSeconds()
                + " s and was stopped", null);
    }

    static UnusableImage tooManyFrames(int maxFrames) {
        return new UnusableImage("image_too_many_frames",
                "the animation has more than " + maxFrames + " frames", null);
    }

    static UnusableImage unsupported(String what) {
        return new UnusableImage("image_unsupported", what + " cannot be decoded here", null);
    }

    static UnusableImage corrupt(Throwable cause) {
        return new UnusableImage("image_corrupt", "the image is damaged or truncated", cause);
    }

    static UnusableImage corrupt(String detail) {
        return new UnusableImage("image_corrupt", detail, null);
    }
}
