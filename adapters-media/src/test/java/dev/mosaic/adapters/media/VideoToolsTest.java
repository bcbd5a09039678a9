package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where ffmpeg is found: configured paths first, then the PATH. */
class VideoToolsTest {
    @TempDir
    Path root;

    private Path program(String folder, String name, boolean executable) throws IOException {
        Path file = Files.createDirectories(root.resolve(folder)).resolve(name);
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return file;
    }

    private Map<String, String> path(String... folders) {
        StringBuilder path = new StringBuilder();
        for (String folder : folders) {
            path.append(root.resolve(folder)).append(File.pathSeparator);
        }
        return Map.of("PATH", path.toString());
    }

    @Test
    void theFirstExecutableOnThePathIsUsed() throws IOException {
        program("a", "ffmpeg", false);
        Path ffmpeg = program("b", "ffmpeg", true);
        Path ffprobe = program("c", "ffprobe", true);

        assertThat(VideoTools.locate(VideoSettings.defaults(), path("a", "b", "c")))
                .contains(new VideoTools(ffmpeg, ffprobe));
    }

    @Test
    void configuredProgramsWinOverThePath() throws IOException {
        program("path", "ffmpeg", true);
        program("path", "ffprobe", true);
        Path ffmpeg = program("configured", "ffmpeg", true);
        Path ffprobe = program("configured", "ffprobe", true);

        assertThat(VideoTools.locate(VideoSettings.defaults().withFfmpeg(ffmpeg), path("path")))
                .contains(new VideoTools(ffmpeg, ffprobe));
    }

    @Test
    void ffprobeIsLookedForBesideAConfiguredFfmpegThenOnThePath() throws IOException {
        Path ffmpeg = program("configured", "my-ffmpeg", true);
        Path ffprobe = program("path", "ffprobe", true);

        assertThat(VideoTools.locate(VideoSettings.defaults().withFfmpeg(ffmpeg), path("path")))
                .contains(new VideoTools(ffmpeg, ffprobe));
    }

    @Test
    void withoutEitherProgramThereAreNoTools() throws IOException {
        program("path", "ffmpeg", true);

        assertThat(VideoTools.locate(VideoSettings.defaults(), path("path"))).isEmpty();
        assertThat(VideoTools.locate(VideoSettings.defaults(), Map.of())).isEmpty();
    }

    @Test
    void aConfiguredPathThatIsNoProgramIsAMistakeToTellAtOnce() throws IOException {
        Path notExecutable = program("configured", "ffmpeg", false);

        assertThatThrownBy(() -> VideoTools.locate(VideoSettings.defaults().withFfmpeg(notExecutable), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(notExecutable.toString());
        assertThatThrownBy(() -> VideoTools.locate(VideoSettings.defaults().withFfprobe(root.resolve("missing")),
                Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
