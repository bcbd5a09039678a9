package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The adapter's one entry: a {@link MediaProcessor} backed by ImageIO, imgscalr, libwebp, libvips and ffmpeg. */
public final class MediaProcessors {
    static final String FFMPEG_MISSING = "ffmpeg not found: videos will be ready with their download URL only;"
            + " install ffmpeg or set MOSAIC_FFMPEG";
    static final String VIPS_MISSING = "vips not found: HEIC/HEIF and AVIF photos will be ready with their download"
            + " URL only; install libvips-tools or set MOSAIC_VIPS";
    static final String TURBOJPEG_MISSING = "libturbojpeg not found: JPEG photos are decoded by ImageIO, at full size"
            + " and about twice as slowly; install libturbojpeg0";
    private static final System.Logger LOG = System.getLogger(MediaProcessors.class.getName());

    private MediaProcessors() {
    }

    /**
     * Images get a WebP thumbnail and preview (JPEG if libwebp cannot load here); HEIC/HEIF and AVIF
     * photos are decoded by libvips when its programs are found (configured paths first, then the
     * PATH), and are otherwise only checked, one warning saying so now. Videos get a
     * poster thumbnail and preview and a playable MP4 when ffmpeg and ffprobe are found (configured
     * paths first, then the PATH); without them they are only checked against their declared type,
     * and one warning says so now.
     *
     * @param searchPath where to look for the programs that are not configured: a {@code PATH} value
     * @throws IllegalArgumentException when a configured ffmpeg, ffprobe, vips or vipsheader is not an
     *                                  executable file
     */
    public static MediaProcessor create(MediaSettings settings, String searchPath) {
        return create(settings, Map.of("PATH", searchPath), warning -> LOG.log(Level.WARNING, warning));
    }

    static MediaProcessor create(MediaSettings settings, Map<String, String> environment, Consumer<String> warnings) {
        return create(settings, environment, warnings, TurboJpeg.load());
    }

    static MediaProcessor create(MediaSettings settings, Map<String, String> environment, Consumer<String> warnings,
                                 Optional<TurboJpeg> turbo) {
        if (turbo.isEmpty()) {
            warnings.accept(TURBOJPEG_MISSING);
        }
        DecodeGate decodes = new DecodeGate(settings.maxConcurrentDecodes());
        ImageProcessor images = new ImageProcessor(settings, decodes, ImageEncoders.best(), turbo);
        Optional<VipsTools> vips = VipsTools.locate(settings.vips(), environment);
        if (vips.isEmpty()) {
            warnings.accept(VIPS_MISSING);
        }
        HeifPipeline heifImages = vips.<HeifPipeline>map(found -> heifImages(settings, found, images, decodes))
                .orElse(HeifPipeline.DOWNLOAD_ONLY);
        Optional<VideoTools> tools = VideoTools.locate(settings.video(), environment);
        if (tools.isEmpty()) {
            warnings.accept(FFMPEG_MISSING);
        }
        VideoPipeline videos = tools.<VideoPipeline>map(found -> videos(settings, found, images))
                .orElse(VideoPipeline.DOWNLOAD_ONLY);
        return new MediaProcessorByKind(images, heifImages, videos);
    }

    static HeifImages heifImages(MediaSettings settings, VipsTools tools, ImageProcessor images,
                                 DecodeGate decodes) {
        VipsSettings vips = settings.vips();
        return new HeifImages(new Vips(tools, new ProcessSupervisor(vips.processTimeout()), vips.memoryLimit()),
                images, decodes, settings);
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
                new PlaybackRendition(ffmpeg.lowerPriority(tools.nice()), video.playbackShortSide(),
                        video.maxDuration()),
                transcodes, settings.previewSize());
    }
}
