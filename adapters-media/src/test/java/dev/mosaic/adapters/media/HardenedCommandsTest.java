package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argument vectors ffmpeg and ffprobe really receive, written down by stand-ins that then run the real ones. */
class HardenedCommandsTest {
    @TempDir
    Path root;

    private Path recording(String name, Path real, Path log) throws IOException {
        Path program = root.resolve(name);
        Files.writeString(program, "#!/bin/sh\n"
                + "printf 'niceness=%s\\n' \"$(cut -d' ' -f19 /proc/$$/stat)\" >> '" + log + "'\n"
                + "for argument in \"$@\"; do printf '%s\\n' \"$argument\" >> '" + log + "'; done\n"
                + "echo '---' >> '" + log + "'\n"
                + "exec '" + real + "' \"$@\"\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        return program;
    }

    private static List<List<String>> commands(Path log) throws IOException {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.equals("---")) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        return commands;
    }

    @Test
    void everyRunReadsOurFileWithItsNamedDemuxerAndTheFileProtocolOnly() throws IOException {
        Path ffmpegLog = root.resolve("ffmpeg.log");
        Path ffprobeLog = root.resolve("ffprobe.log");
        VideoSettings video = VideoSettings.defaults().withPlaybackShortSide(120)
                .withFfmpeg(recording("ffmpeg", Clips.TOOLS.ffmpeg(), ffmpegLog))
                .withFfprobe(recording("ffprobe", Clips.TOOLS.ffprobe(), ffprobeLog));
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 320, 240, 1);

        VideoUploads.Result result = new VideoUploads(root).video(
                MediaProcessors.create(MediaSettings.defaults().withVideo(video), Clips.searchPath()), "video/mp4", clip);

        String input = InputOptions.url(result.input());
        List<List<String>> probes = commands(ffprobeLog).stream().filter(command -> command.contains(input)).toList();
        List<List<String>> runs = commands(ffmpegLog);
        assertThat(probes).hasSize(1);
        assertThat(runs).hasSize(2);
        for (List<String> command : concat(probes, runs)) {
            assertThat(command).containsSubsequence("-f", "mov", "-format_whitelist", "mov",
                    "-protocol_whitelist", "file", "-probesize", "5000000", "-analyzeduration", "10000000");
            assertThat(command).containsSubsequence("-enable_drefs", "0");
            assertThat(command.indexOf("-f")).isLessThan(command.indexOf(input));
            assertThat(command).contains("-hide_banner").filteredOn(argument -> argument.startsWith("file:"))
                    .allMatch(argument -> argument.startsWith("file:" + root));
        }
        for (List<String> command : runs) {
            assertThat(command).containsSubsequence("-nostdin", "-i", input);
            assertThat(command).containsSubsequence("-map_metadata", "-1").containsSubsequence("-map_chapters", "-1")
                    .contains("-sn", "-dn");
            assertThat(command).doesNotContain("concat", "hls", "-safe");
            assertThat(command).as("ffmpeg picks its threads").doesNotContain("-threads", "-filter_threads");
        }
        assertThat(runs.get(1)).containsSubsequence("-progress", "pipe:1", "-c:v", "libx264", "-preset", "veryfast",
                "-crf", "23", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart");
        int poster = niceness(runs.get(0));
        assertThat(niceness(runs.get(1))).as("the transcode runs below the poster")
                .isEqualTo(Math.min(19, poster + Ffmpeg.TRANSCODE_NICENESS));
    }

    @Test
    void aConfiguredThreadCountHoldsDecodingFilteringAndEncoding() throws IOException {
        Path ffmpegLog = root.resolve("ffmpeg.log");
        VideoSettings video = VideoSettings.defaults().withPlaybackShortSide(120).withFfmpegThreads(2)
                .withFfmpeg(recording("ffmpeg", Clips.TOOLS.ffmpeg(), ffmpegLog)).withFfprobe(Clips.TOOLS.ffprobe());
        Path clip = Clips.h264Aac(root.resolve("clip.mp4"), 320, 240, 1);

        VideoUploads.Result result = new VideoUploads(root).video(
                MediaProcessors.create(MediaSettings.defaults().withVideo(video), Clips.searchPath()), "video/mp4", clip);

        String input = InputOptions.url(result.input());
        for (List<String> command : commands(ffmpegLog)) {
            assertThat(command).containsSubsequence("-nostdin", "-filter_threads", "2", "-threads", "2", "-i", input);
            assertThat(command.lastIndexOf("-threads")).isGreaterThan(command.indexOf(input));
        }
    }

    private static int niceness(List<String> command) {
        return command.stream().filter(line -> line.startsWith("niceness=")).findFirst()
                .map(line -> Integer.parseInt(line.substring("niceness=".length()).trim()))
                .orElseThrow(() -> new AssertionError("no niceness written in " + command));
    }

    @SafeVarargs
    private static List<List<String>> concat(List<List<String>>... lists) {
        List<List<String>> all = new ArrayList<>();
        for (List<List<String>> list : lists) {
            all.addAll(list);
        }
        return Collections.unmodifiableList(all);
    }
}
