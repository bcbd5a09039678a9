package dev.mosaic.adapters.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One frame of the video as a PNG, upright, in SDR and already no larger than the preview, for the
 * image pipeline to turn into the thumbnail and preview.
 */
final class PosterFrame {
    static final String FILE_NAME = "poster.png";
    /** Clips shorter than this show their first frame; longer ones a frame a tenth of the way in. */
    static final long SHORT_CLIP_MILLIS = 2000;

    private final Ffmpeg ffmpeg;

    PosterFrame(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    Path extract(VideoFacts facts, Path input, Path workDir, int longestSide) {
        Path poster = workDir.resolve(FILE_NAME);
        long at = facts.duration().orElse(0) >= SHORT_CLIP_MILLIS ? facts.duration().getAsLong() / 10 : 0;
        extract(facts, input, poster, longestSide, at);
        if (at > 0 && isEmpty(poster)) {
            // a container may claim more than it holds; its first frame is there if any is
            extract(facts, input, poster, longestSide, 0);
        }
        if (isEmpty(poster)) {
            throw UnusableVideo.unreadable("it holds no frame that can be decoded");
        }
        return poster;
    }

    private void extract(VideoFacts facts, Path input, Path poster, int longestSide, long atMillis) {
        Size size = facts.display().fitWithin(longestSide);
        List<String> arguments = new ArrayList<>(ffmpeg.threadOptions());
        arguments.addAll(InputOptions.reading(facts.container()));
        arguments.addAll(List.of(
                "-ss", InputOptions.seconds(atMillis),
                "-i", InputOptions.url(input),
                "-map", "0:" + facts.videoStream(),
                "-frames:v", "1", "-an", "-sn", "-dn", "-map_metadata", "-1", "-map_chapters", "-1",
                "-vf", ToneMapping.poster(facts, size)));
        arguments.addAll(ffmpeg.threadOptions());
        arguments.addAll(List.of("-update", "1", "-c:v", "png", "-f", "image2", "-y", InputOptions.url(poster)));
        ffmpeg.run("poster frame", arguments, line -> { });
    }

    private static boolean isEmpty(Path file) {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
