package dev.mosaic.bootstrap;

import dev.mosaic.adapters.media.MediaSettings;
import dev.mosaic.adapters.media.VideoSettings;
import java.nio.file.Path;
import java.util.Map;

/** The media processor's settings from {@code MOSAIC_*}: the pixel cap, where ffmpeg is, video limits. */
final class MediaConfig {

    private MediaConfig() {
    }

    static MediaSettings from(Config config) {
        Map<String, String> env = config.environment();
        VideoSettings defaults = VideoSettings.defaults();
        VideoSettings video = new VideoSettings(
                nonBlank(env, "MOSAIC_FFMPEG").map(Path::of),
                nonBlank(env, "MOSAIC_FFPROBE").map(Path::of),
                Config.duration(env, "MOSAIC_VIDEO_MAX_DURATION", defaults.maxDuration()),
                defaults.maxSide(),
                defaults.maxFramePixels(),
                Config.integer(env, "MOSAIC_VIDEO_MAX_HEIGHT", defaults.playbackShortSide(), 144, 4320),
                Config.integer(env, "MOSAIC_TRANSCODES", defaults.maxConcurrentTranscodes(), 1, 64),
                defaults.processTimeout(),
                defaults.ffmpegThreads());
        return MediaSettings.defaults().withMaxPixels(config.maxPixels()).withVideo(video);
    }

    private static java.util.Optional<String> nonBlank(Map<String, String> env, String name) {
        return java.util.Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
