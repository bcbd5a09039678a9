package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StageTest {

    @Test
    void readyFailedCancelledAndExpiredAreTheTerminalStages() {
        assertThat(EnumSet.allOf(Stage.class).stream().filter(Stage::isTerminal))
                .containsExactlyInAnyOrder(Stage.READY, Stage.FAILED, Stage.CANCELLED, Stage.EXPIRED);
    }

    @Test
    void processingThumbnailReadyAndTranscodingAreTheProcessingStages() {
        assertThat(EnumSet.allOf(Stage.class).stream().filter(Stage::isProcessing))
                .containsExactlyInAnyOrder(Stage.PROCESSING, Stage.THUMBNAIL_READY, Stage.TRANSCODING);
    }

    @Test
    void wireNamesAreTheGuidesSnakeCaseNames() {
        assertThat(Stage.values()).extracting(Stage::wireName).containsExactly(
                "uploading", "processing", "thumbnail_ready", "transcoding", "ready", "failed", "cancelled",
                "expired");
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void everyWireNameReadsBackAsItsStage(Stage stage) {
        assertThat(Stage.fromWire(stage.wireName())).contains(stage);
    }

    @Test
    void unknownOrDifferentlyCasedWireNamesAreNotStages() {
        assertThat(Stage.fromWire("THUMBNAIL_READY")).isEmpty();
        assertThat(Stage.fromWire("done")).isEmpty();
        assertThat(Stage.fromWire("")).isEmpty();
        assertThat(Stage.fromWire(null)).isEmpty();
    }
}
