package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where libvips is found: configured paths first, then the PATH; prlimit from the PATH when it is there. */
class VipsToolsTest {
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
    void theFirstExecutablesOnThePathAreUsed() throws IOException {
        program("a", "vips", false);
        Path vips = program("b", "vips", true);
        Path header = program("c", "vipsheader", true);
        Path prlimit = program("c", "prlimit", true);

        assertThat(VipsTools.locate(VipsSettings.defaults(), path("a", "b", "c")))
                .contains(new VipsTools(vips, header, Optional.of(prlimit)));
    }

    @Test
    void configuredProgramsWinAndVipsheaderIsLookedForBesideVips() throws IOException {
        program("path", "vips", true);
        program("path", "vipsheader", true);
        Path vips = program("configured", "vips-8.14", true);
        Path header = program("configured", "vipsheader", true);

        assertThat(VipsTools.locate(VipsSettings.defaults().withVips(vips), path("path")))
                .contains(new VipsTools(vips, header, Optional.empty()));
        Path elsewhere = program("elsewhere", "vipsheader", true);
        assertThat(VipsTools.locate(VipsSettings.defaults().withVips(vips).withVipsheader(elsewhere), Map.of()))
                .contains(new VipsTools(vips, elsewhere, Optional.empty()));
    }

    @Test
    void withoutEitherProgramThereAreNoTools() throws IOException {
        program("path", "vips", true);

        assertThat(VipsTools.locate(VipsSettings.defaults(), path("path"))).isEmpty();
        assertThat(VipsTools.locate(VipsSettings.defaults(), Map.of())).isEmpty();
    }

    @Test
    void aConfiguredPathThatIsNoProgramIsAMistakeToTellAtOnce() throws IOException {
        Path notExecutable = program("configured", "vips", false);

        assertThatThrownBy(() -> VipsTools.locate(VipsSettings.defaults().withVips(notExecutable), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(notExecutable.toString());
        assertThatThrownBy(() -> VipsTools.locate(VipsSettings.defaults().withVipsheader(root.resolve("missing")),
                Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsRefuseNothingToWaitForAndNoMemory() {
        assertThatThrownBy(() -> VipsSettings.defaults().withProcessTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VipsSettings.defaults().withMemoryLimit(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
