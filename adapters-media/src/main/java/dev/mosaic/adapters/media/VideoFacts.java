package dev.mosaic.adapters.media;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What ffprobe found in an upload.
 *
 * @param videoStream the index of the video stream to use (cover pictures are not video)
 * @param stored      the frame size as stored, before rotation
 * @param rotation    clockwise degrees the picture is turned for display: 0, 90, 180 or 270
 * @param duration    milliseconds, when the container says
 * @param audioCodec  the first audio stream's codec, when there is audio
 * @param colorTransfer the video's transfer function as ffprobe names it ({@code bt709},
 *                      {@code arib-std-b67}, {@code smpte2084}...), or {@code unknown}
 */
record VideoFacts(Container container, int videoStream, Size stored, int rotation, OptionalLong duration,
                  String videoCodec, String pixelFormat, Optional<String> audioCodec, String colorTransfer) {

    /** The picture as people see it. */
    Size display() {
        return rotation % 180 == 0 ? stored : stored.transposed();
    }

    static int normalizedRotation(double degrees) {
        int quarterTurns = (int) Math.round(degrees / 90.0);
        return Math.floorMod(quarterTurns, 4) * 90;
    }
}
