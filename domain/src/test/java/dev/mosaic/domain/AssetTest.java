package dev.mosaic.domain;

import static dev.mosaic.domain.AnAsset.T0;
import static dev.mosaic.domain.AnAsset.aVideo;
import static dev.mosaic.domain.AnAsset.anAsset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AssetTest {

    private static final Instant LATER = T0.plusSeconds(30);

    @Test
    void aFreshAssetWaitsForItsBytes() {
        Asset asset = anAsset().build();

        assertThat(asset.stage()).isEqualTo(Stage.UPLOADING);
        assertThat(asset.progress()).isZero();
        assertThat(asset.failureCode()).isNull();
        assertThat(asset.renditions()).isEmpty();
        assertThat(asset.createdAt()).isEqualTo(T0);
        assertThat(asset.updatedAt()).isEqualTo(T0);
        assertThat(asset.expiresAt()).isEqualTo(T0.plus(AnAsset.UPLOAD_WINDOW));
    }

    @Test
    void aFreshAssetsKeyIsMadeFromItsOwnerIdAndName() {
        Asset asset = anAsset().withId(77).withFileName("../../Beach.JPG").build();

        assertThat(asset.objectKey().value()).isEqualTo("raw/1/77/beach.jpg");
        assertThat(asset.fileName().value()).isEqualTo("Beach.JPG");
    }

    @Test
    void aDirectUploadIsNotMultipart() {
        Asset asset = anAsset().build();

        assertThat(asset.isMultipart()).isFalse();
        assertThat(asset.uploadId()).isNull();
        assertThat(asset.fileSize()).isEqualTo(3_050_000);
    }

    @Test
    void aMultipartUploadCarriesItsUploadId() {
        Asset asset = aVideo().build();

        assertThat(asset.isMultipart()).isTrue();
        assertThat(asset.uploadId()).isEqualTo("upload_xyz_123");
        assertThat(asset.fileSize()).isEqualTo(15_000_000);
    }

    @Test
    void aMultipartPlanWithoutUploadIdIsABrokenAsset() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> aVideo().withMultipart(new UploadPlan.Multipart(15_000_000, 5_242_880, 3), null).build());
    }

    @Test
    void aDirectPlanWithAnUploadIdIsABrokenAsset() {
        AnAsset direct = anAsset();

        assertThatIllegalArgumentException().isThrownBy(() -> new AnAsset(direct.id(), direct.messageId(),
                direct.owner(), direct.kind(), direct.fileName(), direct.contentType(), direct.plan(), "upload_1",
                direct.hints()).build());
    }

    @Test
    void completingAnUploadStartsProcessing() {
        Asset processing = anAsset().build().moveTo(Stage.PROCESSING, LATER);

        assertThat(processing.stage()).isEqualTo(Stage.PROCESSING);
        assertThat(processing.progress()).isZero();
        assertThat(processing.updatedAt()).isEqualTo(LATER);
        assertThat(processing.createdAt()).isEqualTo(T0);
    }

    @Test
    void aMoveChangesOnlyStageProgressAndTime() {
        Asset before = anAsset().build();

        Asset after = before.moveTo(Stage.PROCESSING, LATER);

        assertThat(after).usingRecursiveComparison().ignoringFields("stage", "progress", "updatedAt")
                .isEqualTo(before);
    }

    @Test
    void aThumbnailIsAHundredPercent() {
        Asset thumbnail = anAsset().at(Stage.PROCESSING).moveTo(Stage.THUMBNAIL_READY, LATER);

        assertThat(thumbnail.stage()).isEqualTo(Stage.THUMBNAIL_READY);
        assertThat(thumbnail.progress()).isEqualTo(100);
    }

    @Test
    void readyIsAHundredPercent() {
        Asset ready = aVideo().at(Stage.TRANSCODING).transcoding(40, LATER).moveTo(Stage.READY, LATER);

        assertThat(ready.progress()).isEqualTo(100);
        assertThat(ready.stage().isTerminal()).isTrue();
    }

    @Test
    void transcodingStartsAtZeroAfterTheThumbnail() {
        Asset transcoding = aVideo().at(Stage.THUMBNAIL_READY).moveTo(Stage.TRANSCODING, LATER);

        assertThat(transcoding.progress()).isZero();
    }

    @Test
    void transcodingReportsItsProgress() {
        Asset video = aVideo().at(Stage.THUMBNAIL_READY);

        Asset halfway = video.transcoding(50, LATER);
        Asset further = halfway.transcoding(75, LATER.plusSeconds(1));

        assertThat(halfway.stage()).isEqualTo(Stage.TRANSCODING);
        assertThat(halfway.progress()).isEqualTo(50);
        assertThat(further.progress()).isEqualTo(75);
        assertThat(further.updatedAt()).isEqualTo(LATER.plusSeconds(1));
    }

    @Test
    void transcodingProgressOutsideZeroToAHundredIsRefused() {
        Asset video = aVideo().at(Stage.TRANSCODING);

        assertThatIllegalArgumentException().isThrownBy(() -> video.transcoding(101, LATER));
        assertThatIllegalArgumentException().isThrownBy(() -> video.transcoding(-1, LATER));
        assertThat(video.transcoding(0, LATER).progress()).isZero();
        assertThat(video.transcoding(100, LATER).progress()).isEqualTo(100);
    }

    @Test
    void anUploadCannotBeTranscodedBeforeItIsProcessed() {
        Asset uploading = aVideo().build();

        assertThatThrownBy(() -> uploading.transcoding(10, LATER)).isInstanceOf(IllegalStageTransition.class);
    }

    @Test
    void failingKeepsTheProgressAndRecordsWhy() {
        Asset failed = aVideo().at(Stage.TRANSCODING).transcoding(60, LATER).fail("transcode_failed", LATER);

        assertThat(failed.stage()).isEqualTo(Stage.FAILED);
        assertThat(failed.failureCode()).isEqualTo("transcode_failed");
        assertThat(failed.progress()).isEqualTo(60);
    }

    @Test
    void failingNeedsAReason() {
        Asset asset = anAsset().build();

        assertThatNullPointerException().isThrownBy(() -> asset.fail(null, LATER));
    }

    @Test
    void movingToFailedWithoutAReasonIsRefused() {
        Asset asset = anAsset().build();

        assertThatIllegalArgumentException().isThrownBy(() -> asset.moveTo(Stage.FAILED, LATER))
                .withMessageContaining("fail(");
    }

    @Test
    void onlyAFailedAssetHasAFailureCode() {
        Asset asset = anAsset().build();

        assertThatIllegalArgumentException().isThrownBy(() -> new Asset(asset.id(), asset.messageId(),
                asset.owner(), asset.kind(), asset.fileName(), asset.contentType(), asset.objectKey(), asset.plan(),
                asset.uploadId(), Stage.READY, 100, asset.info(), asset.renditions(), "oops", T0, T0, T0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Asset(asset.id(), asset.messageId(),
                asset.owner(), asset.kind(), asset.fileName(), asset.contentType(), asset.objectKey(), asset.plan(),
                asset.uploadId(), Stage.FAILED, 0, asset.info(), asset.renditions(), null, T0, T0, T0));
    }

    @Test
    void progressIsAPercentage() {
        Asset asset = anAsset().build();

        assertThatIllegalArgumentException().isThrownBy(() -> new Asset(asset.id(), asset.messageId(),
                asset.owner(), asset.kind(), asset.fileName(), asset.contentType(), asset.objectKey(), asset.plan(),
                asset.uploadId(), Stage.PROCESSING, 101, asset.info(), asset.renditions(), null, T0, T0, T0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Asset(asset.id(), asset.messageId(),
                asset.owner(), asset.kind(), asset.fileName(), asset.contentType(), asset.objectKey(), asset.plan(),
                asset.uploadId(), Stage.PROCESSING, -1, asset.info(), asset.renditions(), null, T0, T0, T0));
    }

    @Test
    void anAssetNeedsEveryIdentityFieldAndTimestamp() {
        Asset a = anAsset().build();

        assertThatNullPointerException().isThrownBy(() -> new Asset(null, a.messageId(), a.owner(), a.kind(),
                a.fileName(), a.contentType(), a.objectKey(), a.plan(), null, a.stage(), 0, a.info(), List.of(),
                null, T0, T0, T0)).withMessage("id");
        assertThatNullPointerException().isThrownBy(() -> new Asset(a.id(), a.messageId(), a.owner(), a.kind(),
                a.fileName(), a.contentType(), a.objectKey(), a.plan(), null, null, 0, a.info(), List.of(),
                null, T0, T0, T0)).withMessage("stage");
        assertThatNullPointerException().isThrownBy(() -> new Asset(a.id(), a.messageId(), a.owner(), a.kind(),
                a.fileName(), a.contentType(), a.objectKey(), a.plan(), null, a.stage(), 0, a.info(), List.of(),
                null, T0, T0, null)).withMessage("expiresAt");
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"READY", "FAILED", "CANCELLED", "EXPIRED"})
    void aSettledAssetNeverMovesAgain(Stage terminal) {
        Asset settled = aVideo().at(terminal);

        for (Stage next : Stage.values()) {
            if (next != Stage.FAILED) {
                assertThatThrownBy(() -> settled.moveTo(next, LATER)).isInstanceOf(IllegalStageTransition.class);
            }
        }
        assertThatThrownBy(() -> settled.fail("late", LATER)).isInstanceOf(IllegalStageTransition.class);
        assertThatThrownBy(() -> settled.transcoding(10, LATER)).isInstanceOf(IllegalStageTransition.class);
    }

    @Test
    void anIllegalMoveNamesTheAssetAndBothStages() {
        Asset ready = anAsset().withId(501).at(Stage.READY);

        assertThatThrownBy(() -> ready.moveTo(Stage.PROCESSING, LATER))
                .isInstanceOf(IllegalStageTransition.class)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("asset 501 cannot move from ready to processing");
    }

    @Test
    void anUploadCanBeCancelledOrExpireButNotLater() {
        assertThat(anAsset().build().moveTo(Stage.CANCELLED, LATER).stage()).isEqualTo(Stage.CANCELLED);
        assertThat(anAsset().build().moveTo(Stage.EXPIRED, LATER).stage()).isEqualTo(Stage.EXPIRED);
        Asset processing = anAsset().at(Stage.PROCESSING);
        assertThatThrownBy(() -> processing.moveTo(Stage.CANCELLED, LATER))
                .isInstanceOf(IllegalStageTransition.class);
    }

    @Test
    void aCancelledAssetKeepsItsProgress() {
        assertThat(anAsset().build().moveTo(Stage.CANCELLED, LATER).progress()).isZero();
    }
}
