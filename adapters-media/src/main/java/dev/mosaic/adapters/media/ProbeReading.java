package dev.mosaic.adapters.media;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.bramp.ffmpeg.probe.FFmpegFormat;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import net.bramp.ffmpeg.probe.FFmpegStream;
import net.bramp.ffmpeg.shared.CodecType;

/** Reads ffprobe's answer into {@link VideoFacts}, refusing what is no video or is over the limits. */
final class ProbeReading {
    private final VideoSettings settings;

    ProbeReading(VideoSettings settings) {
        this.settings = settings;
    }

    VideoFacts facts(Container container, FFmpegProbeResult result) {
        List<FFmpegStream> streams = result.streams == null ? List.of() : result.streams;
        FFmpegStream video = streams.stream().filter(ProbeReading::isMotionPicture)
                .min(Comparator.comparingInt(stream -> stream.index))
                .orElseThrow(() -> UnusableVideo.unreadable("it holds no video stream"));
        if (video.width < 1 || video.height < 1) {
            throw UnusableVideo.unreadable("its video stream has no frame size");
        }
        Size stored = new Size(video.width, video.height);
        if (stored.longestSide() > settings.maxSide() || stored.pixels() > settings.maxFramePixels()) {
            throw UnusableVideo.tooLarge(stored, settings.maxSide(), settings.maxFramePixels());
        }
        OptionalLong duration = duration(result.format, video);
        if (duration.isPresent() && duration.getAsLong() > settings.maxDuration().toMillis()) {
            throw UnusableVideo.tooLong(duration.getAsLong(), settings.maxDuration());
        }
        Optional<String> audio = streams.stream().filter(stream -> stream.codec_type == CodecType.AUDIO)
                .min(Comparator.comparingInt(stream -> stream.index)).map(stream -> String.valueOf(stream.codec_name));
        return new VideoFacts(container, video.index, stored, rotation(video), duration,
                String.valueOf(video.codec_name), String.valueOf(video.pix_fmt), audio,
                video.color_transfer == null ? "unknown" : video.color_transfer);
    }

    private static boolean isMotionPicture(FFmpegStream stream) {
        return stream.codec_type == CodecType.VIDEO
                && (stream.disposition == null || !stream.disposition.attached_pic);
    }

    private static OptionalLong duration(FFmpegFormat format, FFmpegStream video) {
        double seconds = format != null && format.duration > 0 ? format.duration : video.duration;
        return seconds > 0 && Double.isFinite(seconds) ? OptionalLong.of(Math.round(seconds * 1000))
                : OptionalLong.empty();
    }

    /** The display matrix when there is one; older files carry a {@code rotate} tag instead. */
    private static int rotation(FFmpegStream video) {
        if (video.side_data_list != null) {
            for (FFmpegStream.SideData side : video.side_data_list) {
                if (side != null && "Display Matrix".equalsIgnoreCase(side.side_data_type)) {
                    return VideoFacts.normalizedRotation(side.rotation);
                }
            }
        }
        Map<String, String> tags = video.tags == null ? Map.of() : video.tags;
        try {
            return VideoFacts.normalizedRotation(Double.parseDouble(tags.getOrDefault("rotate", "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
