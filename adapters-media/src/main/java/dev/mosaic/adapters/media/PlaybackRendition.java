package dev.mosaic.adapters.media;

import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.Rendition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The MP4 every browser plays: H.264 and AAC, the index first ({@code +faststart}) so playback
 * starts before the download ends, no larger than 720p, nothing of the source's metadata, chapters,
 * subtitles or data tracks; HDR tone-mapped to SDR BT.709. An upload that already is such a file
 * is copied stream by stream, which costs a fraction of a transcode.
 */
final class PlaybackRendition {
    static final String FILE_NAME = "playback.mp4";
    private static final Set<String> PLAYABLE_PIXEL_FORMATS = Set.of("yuv420p", "yuvj420p");

    private final Ffmpeg ffmpeg;
    private final int shortSide;
    private final Duration maxDuration;

    PlaybackRendition(Ffmpeg ffmpeg, int shortSide, Duration maxDuration) {
        this.ffmpeg = ffmpeg;
        this.shortSide = shortSide;
        this.maxDuration = maxDuration;
    }

    /** Whether the upload can be copied as it is: SDR H.264 (8-bit 4:2:0), AAC or silence, in MP4, small enough. */
    boolean canCopy(VideoFacts facts, String sniffedType) {
        return sniffedType.equals(ContentType.MP4.value())
                && facts.videoCodec().equals("h264")
                && !ToneMapping.isHdr(facts)
                && PLAYABLE_PIXEL_FORMATS.contains(facts.pixelFormat())
                && facts.audioCodec().map("aac"::equals).orElse(true)
                && Math.min(facts.stored().width(), facts.stored().height()) <= shortSide;
    }

    RenditionFile make(VideoFacts facts, String sniffedType, Path input, Path workDir, TranscodeProgress progress) {
        Path output = workDir.resolve(FILE_NAME);
        boolean copy = canCopy(facts, sniffedType);
        Size size = copy ? facts.display() : PlaybackSize.of(facts.display(), shortSide);
        List<String> arguments = new ArrayList<>(List.of("-progress", "pipe:1"));
        arguments.addAll(ffmpeg.threadOptions());
        arguments.addAll(InputOptions.reading(facts.container()));
        arguments.addAll(List.of("-i", InputOptions.url(input),
                "-map", "0:" + facts.videoStream(), "-map", "0:a:0?",
                "-map_metadata", "-1", "-map_chapters", "-1", "-sn", "-dn",
                "-t", InputOptions.seconds(maxDuration.toMillis())));
        arguments.addAll(copy ? List.of("-c", "copy") : transcoding(facts, size));
        arguments.addAll(List.of("-movflags", "+faststart", "-f", "mp4", "-y", InputOptions.url(output)));
        progress.started();
        ffmpeg.run(copy ? "playable copy" : "playable rendition", arguments, progress);
        progress.finished();
        return new RenditionFile(Rendition.Kind.PLAYBACK, output, ContentType.MP4, size.width(), size.height());
    }

    private List<String> transcoding(VideoFacts facts, Size size) {
        List<String> arguments = new ArrayList<>(List.of(
                "-vf", ToneMapping.playback(facts, size),
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p"));
        arguments.addAll(ffmpeg.threadOptions());
        arguments.addAll(ToneMapping.tags(facts));
        arguments.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2"));
        return arguments;
    }
}
