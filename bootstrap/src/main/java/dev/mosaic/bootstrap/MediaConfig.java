package dev.mosaic.bootstrap;

import dev.mosaic.adapters.media.MediaSettings;
import dev.mosaic.adapters.media.VideoSettings;
import java.nio.file.Path;

/**
 * Media processing: the pixel cap, where ffmpeg is, video limits.
 *
 * @param searchPath where ffmpeg and ffprobe are looked for when not configured (the {@code PATH})
 */
public record MediaConfig(MediaSettings settings, String searchPath) {

    static MediaConfig read(Env env) {
        VideoSettings defaults = VideoSettings.defaults();
        try {
            VideoSettings video = new VideoSettings(
                    env.text("MOSAIC_FFMPEG").map(Path::of),
                    env.text("MOSAIC_FFPROBE").map(Path::of),
                    env.duration("MOSAIC_VIDEO_MAX_DURATION", defaults.maxDuration()),
                    defaults.maxSide(),
                    defaults.maxFramePixels(),
                    env.integer("MOSAIC_VIDEO_MAX_HEIGHT", defaults.playbackShortSide(), 144, 4320),
                    env.integer("MOSAIC_TRANSCODES", defaults.maxConcurrentTranscodes(), 1, 64),
                    defaults.processTimeout(),
                    defaults.ffmpegThreads());
            return new MediaConfig(MediaSettings.defaults()
                    .withMaxPixels(env.integer("MOSAIC_MAX_PIXELS", 50_000_000, 1, Integer.MAX_VALUE))
                    .withVideo(video), env.raw("PATH", ""));
        } catch (IllegalArgumentException wrongSetting) {
            throw new ConfigException(wrongSetting.getMessage());
        }
    }
}
