package dev.mosaic.bootstrap;

import dev.mosaic.adapters.media.MediaProcessors;
import dev.mosaic.adapters.media.MediaSettings;
import dev.mosaic.adapters.media.VideoSettings;
import dev.mosaic.adapters.media.VipsSettings;
import dev.mosaic.application.port.out.MediaProcessor;
import java.nio.file.Path;

/**
 * Media processing: the pixel cap, where ffmpeg and libvips are, video limits.
 *
 * @param searchPath where ffmpeg, ffprobe, vips and vipsheader are looked for when not configured (the {@code PATH})
 */
public record MediaConfig(MediaSettings settings, String searchPath) {

    /** The media processor; a configured program that is not one stops start-up with one line. */
    MediaProcessor processor() {
        try {
            return MediaProcessors.create(settings, searchPath);
        } catch (IllegalArgumentException wrongSetting) {
            throw new ConfigException(wrongSetting.getMessage()
                    + " (MOSAIC_FFMPEG, MOSAIC_FFPROBE, MOSAIC_VIPS and MOSAIC_VIPSHEADER name programs)");
        }
    }

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
            VipsSettings vipsDefaults = VipsSettings.defaults();
            VipsSettings vips = new VipsSettings(
                    env.text("MOSAIC_VIPS").map(Path::of),
                    env.text("MOSAIC_VIPSHEADER").map(Path::of),
                    vipsDefaults.processTimeout(),
                    vipsDefaults.memoryLimit());
            return new MediaConfig(MediaSettings.defaults()
                    .withMaxPixels(env.integer("MOSAIC_MAX_PIXELS", 50_000_000, 1, Integer.MAX_VALUE))
                    .withVideo(video).withVips(vips), env.raw("PATH", ""));
        } catch (IllegalArgumentException wrongSetting) {
            throw new ConfigException(wrongSetting.getMessage());
        }
    }
}
