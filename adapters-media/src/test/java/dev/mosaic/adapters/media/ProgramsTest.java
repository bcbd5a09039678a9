package dev.mosaic.adapters.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.adapters.media.Programs.Pair;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a program and its companion are found: configured paths first, then beside the program, then the PATH. */
class ProgramsTest {
    @TempDir
    Path root;
    ProgramFolders folders;

    @BeforeEach
    void folders() {
        folders = new ProgramFolders(root);
    }

    private Optional<Pair> pair(Optional<Path> configured, Optional<Path> configuredCompanion,
                                Map<String, String> environment) {
        return Programs.pair("tool", configured, "tool-info", configuredCompanion, environment);
    }

    @Test
    void theFirstExecutableOnThePathIsUsedAndAFolderThatIsNoneIsPassedOver() {
        folders.program("a", "tool", false);
        Path tool = folders.program("b", "tool", true);
        folders.program("c", "tool", true);
        Path info = folders.program("c", "tool-info", true);

        assertThat(pair(Optional.empty(), Optional.empty(), folders.path("a", "b", "c")))
                .contains(new Pair(tool, info));
        assertThat(Programs.onPath("tool", Map.of("PATH", "\u0000bad" + java.io.File.pathSeparator
                + root.resolve("b")))).contains(tool);
    }

    @Test
    void configuredProgramsWinOverThePath() {
        folders.program("path", "tool", true);
        folders.program("path", "tool-info", true);
        Path tool = folders.program("configured", "my-tool", true);
        Path info = folders.program("elsewhere", "tool-info", true);

        assertThat(pair(Optional.of(tool), Optional.of(info), folders.path("path"))).contains(new Pair(tool, info));
    }

    @Test
    void theCompanionIsLookedForBesideAConfiguredProgramThenOnThePath() {
        Path tool = folders.program("configured", "tool-2.0", true);
        Path onPath = folders.program("path", "tool-info", true);
        assertThat(pair(Optional.of(tool), Optional.empty(), folders.path("path"))).contains(new Pair(tool, onPath));

        Path beside = folders.program("configured", "tool-info", true);
        assertThat(pair(Optional.of(tool), Optional.empty(), folders.path("path"))).contains(new Pair(tool, beside));
    }

    @Test
    void withoutEitherProgramThereIsNoPair() {
        folders.program("path", "tool", true);
        folders.program("other", "tool-info", true);

        assertThat(pair(Optional.empty(), Optional.empty(), folders.path("path"))).isEmpty();
        assertThat(pair(Optional.empty(), Optional.empty(), folders.path("other"))).isEmpty();
        assertThat(pair(Optional.empty(), Optional.empty(), Map.of())).isEmpty();
    }

    @Test
    void aConfiguredPathThatIsNoProgramIsAMistakeToTellAtOnce() {
        Path notExecutable = folders.program("configured", "tool", false);
        Path missing = folders.resolve("missing");

        assertThatThrownBy(() -> pair(Optional.of(notExecutable), Optional.empty(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(notExecutable.toString())
                .hasMessageContaining("tool");
        assertThatThrownBy(() -> pair(Optional.empty(), Optional.of(missing), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tool-info");
    }
}
