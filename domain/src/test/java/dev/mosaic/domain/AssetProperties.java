package dev.mosaic.domain;

import static dev.mosaic.domain.AnAsset.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever it is asked, in any order, an asset follows the design's stage diagram: this test's own
 * table of which intent moves which stage where, written apart from {@link Asset}.
 */
class AssetProperties {

    enum Intent { COMPLETE, REJECT, CANCEL, EXPIRE, THUMBNAIL, TRANSCODING, READY, FAIL }

    record Command(Intent intent, int percent) {
        AssetMove applyTo(Asset asset, Instant now) {
            return switch (intent) {
                case COMPLETE -> asset.complete(now);
                case REJECT -> asset.reject("size_mismatch", now);
                case CANCEL -> asset.cancel(now);
                case EXPIRE -> asset.expire(asset.expiresAt().plusSeconds(1));
                case THUMBNAIL -> asset.thumbnailReady(AnAsset.THUMBNAIL, MediaInfo.NONE, now);
                case TRANSCODING -> asset.transcoding(percent, now);
                case READY -> asset.ready(MediaInfo.NONE, List.of(), now);
                case FAIL -> asset.fail("media_unreadable", now);
            };
        }

        /** Where the design says this intent takes an asset at {@code from}; empty: it stays. */
        Optional<Stage> expectedTarget(Asset before) {
            Stage from = before.stage();
            boolean processing = from == Stage.PROCESSING || from == Stage.THUMBNAIL_READY
                    || from == Stage.TRANSCODING;
            return switch (intent) {
                case COMPLETE -> when(from == Stage.UPLOADING, Stage.PROCESSING);
                case REJECT -> when(from == Stage.UPLOADING, Stage.FAILED);
                case CANCEL -> when(from == Stage.UPLOADING, Stage.CANCELLED);
                case EXPIRE -> when(from == Stage.UPLOADING, Stage.EXPIRED);
                case THUMBNAIL -> when(from == Stage.PROCESSING, Stage.THUMBNAIL_READY);
                case TRANSCODING -> when(processing && !(from == Stage.TRANSCODING
                        && before.progress() == bounded()), Stage.TRANSCODING);
                case READY -> when(processing, Stage.READY);
                case FAIL -> when(processing, Stage.FAILED);
            };
        }

        int bounded() {
            return Math.max(0, Math.min(100, percent));
        }

        int expectedProgress(Asset before) {
            return switch (intent) {
                case THUMBNAIL, READY -> 100;
                case TRANSCODING -> bounded();
                case COMPLETE, REJECT, CANCEL, EXPIRE, FAIL -> before.progress();
            };
        }

        private static Optional<Stage> when(boolean legal, Stage target) {
            return legal ? Optional.of(target) : Optional.empty();
        }
    }

    @Test
    void anAssetFollowsTheStageDiagramWhateverItIsAsked() {
        qt().withExamples(2_000)
                .forAll(startingAssets(), lists().of(commands()).ofSizeBetween(0, 25))
                .checkAssert(AssetProperties::runAndCheck);
    }

    private static void runAndCheck(Asset start, List<Command> commands) {
        Asset current = start;
        Instant now = T0;
        for (Command command : commands) {
            now = now.plusSeconds(1);
            Asset before = current;
            Optional<Stage> expected = command.expectedTarget(before);
            AssetMove move = command.applyTo(before, now);
            if (expected.isEmpty()) {
                assertThat(move).as("%s from %s", command, before.stage()).isInstanceOf(AssetMove.Refused.class);
                assertThat(move.asset()).isSameAs(before);
                continue;
            }
            assertThat(move).as("%s from %s", command, before.stage()).isInstanceOf(AssetMove.Moved.class);
            Asset after = move.asset();
            assertThat(before.stage().isTerminal()).as("a terminal stage moved").isFalse();
            assertThat(after.stage()).isEqualTo(expected.get());
            assertThat(after.progress()).isEqualTo(command.expectedProgress(before));
            assertThat(after.failureCode().isPresent()).isEqualTo(after.stage() == Stage.FAILED);
            assertThat(after).usingRecursiveComparison()
                    .ignoringFields("stage", "progress", "failureCode", "updatedAt", "renditions", "info")
                    .isEqualTo(start);
            current = after;
        }
    }

    private static Gen<Asset> startingAssets() {
        return Generate.pick(List.of(AnAsset.anAsset().build(), AnAsset.aVideo().build(),
                AnAsset.anAsset().withKind(AssetKind.FILE).withFileName("itinerary.pdf").build()));
    }

    private static Gen<Command> commands() {
        return Generate.enumValues(Intent.class).zip(integers().between(-3, 103), Command::new);
    }
}
