package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The adapter's one entry: a {@link MediaProcessor} backed by ImageIO, imgscalr, libwebp and ffmpeg. */
public final class MediaProcessors {
    static final String FFMPEG_MISSING = "ffmpeg not found: videos will be ready with their download URL only;"
            + " install ffmpeg or set MOSAIC_FFMPEG";
    private static final System.Logger LOG = System.getLogger(MediaProcessors.class.getName());

    private MediaProcessors() {
    }

    /**
     * Images get a WebP thumbnail and preview (JPEG if libwebp cannot load here). Videos get a
     * poster thumbnail and preview and a playable MP4 when ffmpeg and ffprobe are found (configured
     * paths first, then the PATH); without them they are only checked against their declared type,
     * and one warning says so now.
     *
     * @param searchPath where to look for ffmpeg and ffprobe when not configured: a {@code PATH} value
     * @throws IllegalArgumentException when a configured ffmpeg or ffprobe is not an executable file
     */
    public static MediaProcessor create(MediaSettings settings, String searchPath) {
        return create(settings, Map.of("PATH", searchPath), warning -> LOG.log(Level.WARNING, warning));
    }

    static MediaProcessor create(MediaSettings settings, Map<String, String> environment, Consumer<String> warnings) {
        ImageProcessor images = new ImageProcessor(settings, new DecodeGate(settings.maxConcurrentDecodes()),
                ImageEncoders.best());
        Optional<VideoTools> tools = VideoTools.locate(settings.video(), environment);
        if (tools.isEmpty()) {
            warnings.accept(FFMPEG_MISSING);
        }
        VideoPipeline videos = tools.<VideoPipeline>map(found -> videos(settings, found, images))
                .orElse(VideoPipeline.DOWNLOAD_ONLY);
        return new MediaProcessorByKind(images, videos);
    }

    static VideoProcessor videos(MediaSettings settings, VideoTools tools, ImageProcessor images) {
        return videos(settings, tools, images, new DecodeGate(settings.video().maxConcurrentTranscodes()));
    }

    static VideoProcessor videos(MediaSettings settings, VideoTools tools, ImageProcessor images,
                                 DecodeGate transcodes) {
        VideoSettings video = settings.video();
        ProcessSupervisor supervisor = new ProcessSupervisor(video.processTimeout());
        Ffmpeg ffmpeg = new Ffmpeg(tools.ffmpeg(), supervisor, video.ffmpegThreads());
        return new VideoProcessor(new VideoProbe(tools.ffprobe(), supervisor), new ProbeReading(video),
                new PosterFrame(ffmpeg), images,
                new PlaybackRendition(ffmpeg, video.playbackShortSide(), video.maxDuration()),
                transcodes, settings.previewSize());
    }
}
