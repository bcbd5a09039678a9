package dev.mosaic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class StageTest {

    static Stream<Arguments> theWholeTable() {
        return Stream.of(
                Arguments.of(Stage.UPLOADING, EnumSet.of(Stage.PROCESSING, Stage.FAILED, Stage.CANCELLED, Stage.EXPIRED)),
                Arguments.of(Stage.PROCESSING, EnumSet.of(Stage.THUMBNAIL_READY, Stage.TRANSCODING, Stage.READY,
                        Stage.FAILED)),
                Arguments.of(Stage.THUMBNAIL_READY, EnumSet.of(Stage.TRANSCODING, Stage.READY, Stage.FAILED)),
                Arguments.of(Stage.TRANSCODING, EnumSet.of(Stage.TRANSCODING, Stage.READY, Stage.FAILED)),
                Arguments.of(Stage.READY, EnumSet.noneOf(Stage.class)),
                Arguments.of(Stage.FAILED, EnumSet.noneOf(Stage.class)),
                Arguments.of(Stage.CANCELLED, EnumSet.noneOf(Stage.class)),
                Arguments.of(Stage.EXPIRED, EnumSet.noneOf(Stage.class)));
    }

    @ParameterizedTest
    @MethodSource("theWholeTable")
    void eachStageMovesExactlyToTheStagesTheDesignAllows(Stage from, Set<Stage> allowed) {
        for (Stage to : Stage.values()) {
            assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed.contains(to));
        }
    }

    @ParameterizedTest
    @MethodSource("theWholeTable")
    void aStageIsTerminalExactlyWhenNothingFollowsIt(Stage stage, Set<Stage> allowed) {
        assertThat(stage.isTerminal()).isEqualTo(allowed.isEmpty());
    }

    @Test
    void readyFailedCancelledAndExpiredAreTheTerminalStages() {
        assertThat(EnumSet.allOf(Stage.class).stream().filter(Stage::isTerminal))
                .containsExactlyInAnyOrder(Stage.READY, Stage.FAILED, Stage.CANCELLED, Stage.EXPIRED);
    }

    @Test
    void onlyAnUploadCanBeCancelledOrExpire() {
        for (Stage from : Stage.values()) {
            boolean uploading = from == Stage.UPLOADING;
            assertThat(from.canMoveTo(Stage.CANCELLED)).as("%s -> cancelled", from).isEqualTo(uploading);
            assertThat(from.canMoveTo(Stage.EXPIRED)).as("%s -> expired", from).isEqualTo(uploading);
        }
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
