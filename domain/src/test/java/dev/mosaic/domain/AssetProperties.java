package dev.mosaic.domain;

import static dev.mosaic.domain.AnAsset.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class AssetProperties {

    /** One thing a caller may ask of an asset, and whether the stage table allows it. */
    sealed interface Command {
        Asset applyTo(Asset asset, Instant now);

        Stage target();

        boolean isLegalFrom(Asset asset);
    }

    record MoveTo(Stage target) implements Command {
        @Override
        public Asset applyTo(Asset asset, Instant now) {
            return asset.moveTo(target, now);
        }

        @Override
        public boolean isLegalFrom(Asset asset) {
            return target != Stage.FAILED && asset.stage().canMoveTo(target);
        }
    }

    record Fail(String code) implements Command {
        @Override
        public Asset applyTo(Asset asset, Instant now) {
            return asset.fail(code, now);
        }

        @Override
        public Stage target() {
            return Stage.FAILED;
        }

        @Override
        public boolean isLegalFrom(Asset asset) {
            return asset.stage().canMoveTo(Stage.FAILED);
        }
    }

    record Transcoding(int percent) implements Command {
        @Override
        public Asset applyTo(Asset asset, Instant now) {
            return asset.transcoding(percent, now);
        }

        @Override
        public Stage target() {
            return Stage.TRANSCODING;
        }

        @Override
        public boolean isLegalFrom(Asset asset) {
            return asset.stage().canMoveTo(Stage.TRANSCODING) && percent >= 0 && percent <= 100;
        }
    }

    @Test
    void anAssetFollowsTheStageTableWhateverItIsAsked() {
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
            Asset snapshot = copyOf(before);
            boolean legal = command.isLegalFrom(before);
            Asset after;
            try {
                after = command.applyTo(before, now);
            } catch (IllegalStageTransition | IllegalArgumentException refused) {
                assertThat(legal).as("%s from %s was refused: %s", command, before.stage(), refused).isFalse();
                assertThat(before).isEqualTo(snapshot);
                continue;
            }
            assertThat(legal).as("%s from %s was allowed", command, before.stage()).isTrue();
            assertThat(before.stage().isTerminal()).as("a terminal stage moved").isFalse();
            assertThat(before.stage().canMoveTo(after.stage())).isTrue();
            assertThat(after.stage()).isEqualTo(command.target());
            assertThat(after.progress()).isEqualTo(expectedProgress(command, before));
            assertThat(after.failureCode() != null).isEqualTo(after.stage() == Stage.FAILED);
            assertThat(after.updatedAt()).isEqualTo(now);
            assertThat(after).usingRecursiveComparison()
                    .ignoringFields("stage", "progress", "failureCode", "updatedAt")
                    .isEqualTo(start);
            assertThat(before).isEqualTo(snapshot);
            current = after;
        }
    }

    private static int expectedProgress(Command command, Asset before) {
        if (command instanceof Transcoding transcoding) {
            return transcoding.percent();
        }
        return switch (command.target()) {
            case THUMBNAIL_READY, READY -> 100;
            case TRANSCODING -> 0;
            case UPLOADING, PROCESSING, FAILED, CANCELLED, EXPIRED -> before.progress();
        };
    }

    private static Asset copyOf(Asset asset) {
        return new Asset(asset.id(), asset.messageId(), asset.owner(), asset.kind(), asset.fileName(),
                asset.contentType(), asset.objectKey(), asset.plan(), asset.uploadId(), asset.stage(),
                asset.progress(), asset.info(), asset.renditions(), asset.failureCode(), asset.createdAt(),
                asset.updatedAt(), asset.expiresAt());
    }

    private static Gen<Asset> startingAssets() {
        return Generate.pick(List.of(AnAsset.anAsset().build(), AnAsset.aVideo().build(),
                AnAsset.anAsset().withKind(AssetKind.FILE).withFileName("itinerary.pdf").build()));
    }

    private static Gen<Command> commands() {
        Gen<Command> moves = Generate.enumValues(Stage.class).map(MoveTo::new);
        Gen<Command> failures = Generate.pick(List.of("upload_invalid", "transcode_failed", ""))
                .map(Fail::new);
        Gen<Command> transcoding = integers().between(-3, 103).map(Transcoding::new);
        return Generate.frequency(List.of(Pair.of(5, moves), Pair.of(1, failures), Pair.of(3, transcoding)));
    }
}
