package dev.mosaic.adapters.media;

import dev.mosaic.domain.Refusal;
import java.time.Duration;

/** Thrown inside the video pipeline when the file itself can never be processed; becomes a refusal. */
final class UnusableVideo extends RuntimeException {
    private final transient Refusal refusal;

    private UnusableVideo(String code, String detail) {
        super(code + ": " + detail, null, false, false);
        this.refusal = new Refusal(code, detail);
    }

    Refusal refusal() {
        return refusal;
    }

    static UnusableVideo unreadable(String detail) {
        return new UnusableVideo("video_unreadable", detail);
    }

    static UnusableVideo tooSlow(String detail) {
        return new UnusableVideo("video_too_slow", detail);
    }

    static UnusableVideo tooLong(long durationMillis, Duration max) {
        return new UnusableVideo("video_too_long", "the video lasts " + Duration.ofMillis(durationMillis).toSeconds()
                + " s; at most " + max.toSeconds() + " s are accepted");
    }

    static UnusableVideo tooLarge(Size size, int maxSide, long maxFramePixels) {
        return new UnusableVideo("video_too_large", "the video is " + size.width() + "x" + size.height()
                + "; at most " + maxSide + " pixels a side and " + maxFramePixels + " pixels a frame are accepted");
    }
}
