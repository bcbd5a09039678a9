package dev.mosaic.adapters.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bramp.ffmpeg.FFprobe;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import net.bramp.ffmpeg.probe.FFmpegStream;
import net.bramp.ffmpeg.shared.CodecType;

/** A test's own look at a file with ffprobe, left to guess the format as a player would. */
record Probed(FFmpegProbeResult result) {

    static Probed of(Path file) {
        try {
            return new Probed(new FFprobe(Clips.TOOLS.ffprobe().toString()).probe(file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FFmpegStream video() {
        return stream(CodecType.VIDEO);
    }

    FFmpegStream audio() {
        return stream(CodecType.AUDIO);
    }

    String formatName() {
        return result.format.format_name;
    }

    double seconds() {
        return result.format.duration;
    }

    /** Every tag of the file and of its streams, keyed as ffprobe shows them. */
    Map<String, String> allTags() {
        Map<String, String> tags = new HashMap<>();
        if (result.format.tags != null) {
            tags.putAll(result.format.tags);
        }
        for (FFmpegStream stream : result.streams) {
            if (stream.tags != null) {
                stream.tags.forEach((key, value) -> tags.put(stream.index + ":" + key, value));
            }
        }
        return tags;
    }

    boolean hasRotation() {
        FFmpegStream video = video();
        return video.side_data_list != null && List.of(video.side_data_list).stream()
                .anyMatch(side -> side != null && side.rotation != 0);
    }

    private FFmpegStream stream(CodecType type) {
        return result.streams.stream().filter(stream -> stream.codec_type == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " stream in " + result.format.filename));
    }
}
