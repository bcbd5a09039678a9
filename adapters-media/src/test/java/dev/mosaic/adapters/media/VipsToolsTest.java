package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vips and vipsheader are found by {@link Programs}' rules (tested there), from the vips settings; prlimit from the
 * PATH when it is there.
 */
class VipsToolsTest {
    @TempDir
    Path root;

    @Test
    void vipsVipsheaderAndPrlimitComeFromThePath() {
        ProgramFolders folders = new ProgramFolders(root);
        Path vips = folders.program("b", "vips", true);
        Path header = folders.program("c", "vipsheader", true);
        Path prlimit = folders.program("c", "prlimit", true);

        assertThat(VipsTools.locate(VipsSettings.defaults(), folders.path("b", "c")))
                .contains(new VipsTools(vips, header, Optional.of(prlimit)));
        assertThat(VipsTools.locate(VipsSettings.defaults(), folders.path("b"))).isEmpty();
    }

    @Test
    void theConfiguredVipsAndVipsheaderAreUsedAndPrlimitIsOptional() {
        ProgramFolders folders = new ProgramFolders(root);
        folders.program("path", "vips", true);
        folders.program("path", "vipsheader", true);
        Path vips = folders.program("configured", "vips-8.14", true);
        Path header = folders.program("elsewhere", "vipsheader", true);

        assertThat(VipsTools.locate(VipsSettings.defaults().withVips(vips).withVipsheader(header),
                folders.path("path"))).contains(new VipsTools(vips, header, Optional.empty()));
        assertThatThrownBy(() -> VipsTools.locate(VipsSettings.defaults().withVipsheader(root.resolve("missing")),
                Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vipsheader");
    }

    @Test
    void settingsRefuseNothingToWaitForAndNoMemory() {
        assertThatThrownBy(() -> VipsSettings.defaults().withProcessTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VipsSettings.defaults().withMemoryLimit(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
