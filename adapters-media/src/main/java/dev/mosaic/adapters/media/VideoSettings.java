package dev.mosaic.adapters.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where ffmpeg is and how far it may go, built by bootstrap from configuration.
 *
 * @param ffmpeg                  the ffmpeg program; when empty, it is looked for on the PATH
 * @param ffprobe                 the ffprobe program; when empty, beside a configured ffmpeg, then on the PATH
 * @param maxDuration             longer videos are refused
 * @param maxSide                 videos wider or taller than this, in stored pixels, are refused
 * @param maxFramePixels          videos with more pixels per frame than this are refused
 * @param playbackShortSide       the playable rendition's shorter side is at most this (720 is "720p")
 * @param maxConcurrentTranscodes how many videos may be transcoded at the same time in this process
 * @param processTimeout          an ffmpeg or ffprobe process running longer is stopped with all its children
 * @param ffmpegThreads           how many threads one ffmpeg process may use to decode, filter and encode;
 *                                0 lets ffmpeg choose for the cores (transcodes then run at a lower priority
 *                                instead, so they use every core nobody else needs)
 */
public record VideoSettings(Optional<Path> ffmpeg, Optional<Path> ffprobe, Duration maxDuration, int maxSide,
                            long maxFramePixels, int playbackShortSide, int maxConcurrentTranscodes,
                            Duration processTimeout, int ffmpegThreads) {

    public VideoSettings {
        Objects.requireNonNull(ffmpeg, "ffmpeg");
        Objects.requireNonNull(ffprobe, "ffprobe");
        if (maxDuration.isNegative() || maxDuration.isZero() || processTimeout.isNegative()
                || processTimeout.isZero()) {
            throw new IllegalArgumentException("video durations and timeouts must be positive");
        }
        if (maxSide < 2 || maxFramePixels < 4 || playbackShortSide < 2 || maxConcurrentTranscodes < 1
                || ffmpegThreads < 0) {
            throw new IllegalArgumentException("video limits must be positive");
        }
    }

    /** Up to an hour, up to 8K (7680×4320), played back at 720p, one transcode at a time on ffmpeg's threads. */
    public static VideoSettings defaults() {
        return new VideoSettings(Optional.empty(), Optional.empty(), Duration.ofHours(1), 7680, 7680L * 4320,
                720, 1, Duration.ofMinutes(10), 0);
    }

    public VideoSettings withFfmpeg(Path program) {
        return new VideoSettings(Optional.of(program), ffprobe, maxDuration, maxSide, maxFramePixels,
                playbackShortSide, maxConcurrentTranscodes, processTimeout, ffmpegThreads);
    }

    public VideoSettings withFfprobe(Path program) {
        return new VideoSettings(ffmpeg, Optional.of(program), maxDuration, maxSide, maxFramePixels,
                playbackShortSide, maxConcurrentTranscodes, processTimeout, ffmpegThreads);
    }

    public VideoSettings withMaxDuration(Duration duration) {
        return new VideoSettings(ffmpeg, ffprobe, duration, maxSide, maxFramePixels, playbackShortSide,
                maxConcurrentTranscodes, processTimeout, ffmpegThreads);
    }

    public VideoSettings withMaxResolution(int side, long framePixels) {
        return new VideoSettings(ffmpeg, ffprobe, maxDuration, side, framePixels, playbackShortSide,
                maxConcurrentTranscodes, processTimeout, ffmpegThreads);
    }

    public VideoSettings withPlaybackShortSide(int side) {
        return new VideoSettings(ffmpeg, ffprobe, maxDuration, maxSide, maxFramePixels, side,
                maxConcurrentTranscodes, processTimeout, ffmpegThreads);
    }

    public VideoSettings withMaxConcurrentTranscodes(int transcodes) {
        return new VideoSettings(ffmpeg, ffprobe, maxDuration, maxSide, maxFramePixels, playbackShortSide,
                transcodes, processTimeout, ffmpegThreads);
    }

    public VideoSettings withProcessTimeout(Duration timeout) {
        return new VideoSettings(ffmpeg, ffprobe, maxDuration, maxSide, maxFramePixels, playbackShortSide,
                maxConcurrentTranscodes, timeout, ffmpegThreads);
    }

    public VideoSettings withFfmpegThreads(int threads) {
        return new VideoSettings(ffmpeg, ffprobe, maxDuration, maxSide, maxFramePixels, playbackShortSide,
                maxConcurrentTranscodes, processTimeout, threads);
    }
}
