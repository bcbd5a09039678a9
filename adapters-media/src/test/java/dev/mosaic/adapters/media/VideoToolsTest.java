package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ffmpeg and ffprobe are found by {@link Programs}' rules (tested there), from the video settings. */
class VideoToolsTest {
    @TempDir
    Path root;

    @Test
    void ffmpegAndFfprobeComeFromThePath() {
        ProgramFolders folders = new ProgramFolders(root);
        Path ffmpeg = folders.program("b", "ffmpeg", true);
        Path ffprobe = folders.program("c", "ffprobe", true);

        assertThat(VideoTools.locate(VideoSettings.defaults(), folders.path("b", "c")))
                .contains(new VideoTools(ffmpeg, ffprobe));
        assertThat(VideoTools.locate(VideoSettings.defaults(), folders.path("b"))).isEmpty();
    }

    @Test
    void theConfiguredFfmpegAndFfprobeAreUsed() {
        ProgramFolders folders = new ProgramFolders(root);
        folders.program("path", "ffmpeg", true);
        folders.program("path", "ffprobe", true);
        Path ffmpeg = folders.program("configured", "my-ffmpeg", true);
        Path ffprobe = folders.program("elsewhere", "ffprobe", true);

        assertThat(VideoTools.locate(VideoSettings.defaults().withFfmpeg(ffmpeg).withFfprobe(ffprobe),
                folders.path("path"))).contains(new VideoTools(ffmpeg, ffprobe));
        assertThatThrownBy(() -> VideoTools.locate(VideoSettings.defaults().withFfprobe(root.resolve("missing")),
                Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ffprobe");
    }
}
