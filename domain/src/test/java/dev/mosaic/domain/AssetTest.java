package dev.mosaic.domain;

import static dev.mosaic.domain.AnAsset.THUMBNAIL;
import static dev.mosaic.domain.AnAsset.T0;
import static dev.mosaic.domain.AnAsset.aVideo;
import static dev.mosaic.domain.AnAsset.anAsset;
import static dev.mosaic.domain.AnAsset.moved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.mosaic.domain.AssetMove.Refused;
import dev.mosaic.domain.AssetMove.Why;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AssetTest {

    private static final Instant LATER = T0.plusSeconds(30);

    @Test
    void aFreshAssetWaitsForItsBytes() {
        Asset asset = anAsset().build();

        assertThat(asset.stage()).isEqualTo(Stage.UPLOADING);
        assertThat(asset.isUploading()).isTrue();
        assertThat(asset.isBeingProcessed()).isFalse();
        assertThat(asset.isDownloadable()).isFalse();
        assertThat(asset.progress()).isZero();
        assertThat(asset.failureCode()).isEmpty();
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
        assertThat(asset.multipart()).isEmpty();
        assertThat(asset.fileSize()).isEqualTo(3_050_000);
    }

    @Test
    void aMultipartPlanCarriesTheStoresUploadId() {
        Asset asset = aVideo().build();

        assertThat(asset.isMultipart()).isTrue();
        assertThat(asset.multipart()).get().extracting(UploadPlan.Multipart::startedId).isEqualTo("upload_xyz_123");
        assertThat(asset.fileSize()).isEqualTo(15_000_000);
    }

    @Test
    void aMultipartPlanNeverStartedIsABrokenAsset() {
        AnAsset video = aVideo();

        assertThatIllegalArgumentException().isThrownBy(() -> new AnAsset(video.id(), video.messageId(),
                video.owner(), video.kind(), video.fileName(), video.contentType(),
                new UploadPlan.Multipart(15_000_000, 5_242_880, 3), video.hints()).build())
                .withMessageContaining("multipart upload is started");
    }

    // ---- complete

    @Test
    void completingAnUploadStartsProcessingAndKeepsEverythingElse() {
        Asset before = anAsset().build();

        Asset processing = moved(before.complete(LATER));

        assertThat(processing.stage()).isEqualTo(Stage.PROCESSING);
        assertThat(processing.isBeingProcessed()).isTrue();
        assertThat(processing.isDownloadable()).isTrue();
        assertThat(processing.updatedAt()).isEqualTo(LATER);
        assertThat(processing).usingRecursiveComparison().ignoringFields("stage", "updatedAt").isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"PROCESSING", "THUMBNAIL_READY", "TRANSCODING", "READY", "FAILED"})
    void completingAgainIsAlreadyDone(Stage stage) {
        Asset asset = aVideo().at(stage);

        assertThat(asset.complete(LATER)).isEqualTo(new Refused(asset, Why.ALREADY_DONE));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"CANCELLED", "EXPIRED"})
    void aCancelledOrExpiredUploadCannotComplete(Stage stage) {
        Asset asset = anAsset().at(stage);

        assertThat(asset.complete(LATER)).isEqualTo(new Refused(asset, Why.NOT_ALLOWED));
        assertThat(asset.reject("size_mismatch", LATER)).isEqualTo(new Refused(asset, Why.NOT_ALLOWED));
    }

    // ---- reject

    @Test
    void bytesThatAreNotWhatWasDeclaredFailTheUploadWithTheirCode() {
        Asset failed = moved(anAsset().build().reject("size_mismatch", LATER));

        assertThat(failed.stage()).isEqualTo(Stage.FAILED);
        assertThat(failed.failureCode()).contains("size_mismatch");
        assertThat(failed.updatedAt()).isEqualTo(LATER);
        assertThat(failed.isDownloadable()).isFalse();
    }

    @Test
    void aVerifiedUploadIsNotRejectedLater() {
        Asset processing = anAsset().at(Stage.PROCESSING);

        assertThat(processing.reject("size_mismatch", LATER)).isEqualTo(new Refused(processing, Why.ALREADY_DONE));
    }

    @Test
    void rejectingAndFailingNeedAReason() {
        assertThatNullPointerException().isThrownBy(() -> anAsset().build().reject(null, LATER));
        assertThatNullPointerException().isThrownBy(() -> anAsset().at(Stage.PROCESSING).fail(null, LATER));
    }

    // ---- cancel

    @Test
    void anUploadCanBeCancelledAndKeepsItsProgress() {
        Asset cancelled = moved(anAsset().build().cancel(LATER));

        assertThat(cancelled.stage()).isEqualTo(Stage.CANCELLED);
        assertThat(cancelled.progress()).isZero();
        assertThat(cancelled.updatedAt()).isEqualTo(LATER);
        assertThat(cancelled.failureCode()).isEmpty();
    }

    @Test
    void cancellingTwiceIsAlreadyDone() {
        Asset cancelled = anAsset().at(Stage.CANCELLED);

        assertThat(cancelled.cancel(LATER)).isEqualTo(new Refused(cancelled, Why.ALREADY_DONE));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"PROCESSING", "THUMBNAIL_READY", "TRANSCODING", "READY", "FAILED",
            "EXPIRED"})
    void onlyAnUploadCanBeCancelled(Stage stage) {
        Asset asset = aVideo().at(stage);

        assertThat(asset.cancel(LATER)).isEqualTo(new Refused(asset, Why.NOT_ALLOWED));
    }

    // ---- expire

    @Test
    void anUploadPastItsDeadlineExpires() {
        Asset fresh = anAsset().build();
        Instant pastDeadline = fresh.expiresAt().plusNanos(1_000);

        Asset expired = moved(fresh.expire(pastDeadline));

        assertThat(expired.stage()).isEqualTo(Stage.EXPIRED);
        assertThat(expired.updatedAt()).isEqualTo(pastDeadline);
    }

    @Test
    void anUploadDoesNotExpireBeforeOrAtItsDeadline() {
        Asset fresh = anAsset().build();

        assertThat(fresh.expire(fresh.expiresAt())).isEqualTo(new Refused(fresh, Why.NOT_ALLOWED));
        assertThat(fresh.expire(T0)).isEqualTo(new Refused(fresh, Why.NOT_ALLOWED));
    }

    @Test
    void expiringTwiceIsAlreadyDoneAndAVerifiedUploadNeverExpires() {
        Asset expired = anAsset().at(Stage.EXPIRED);
        Asset processing = anAsset().at(Stage.PROCESSING);
        Instant late = processing.expiresAt().plusSeconds(60);

        assertThat(expired.expire(late)).isEqualTo(new Refused(expired, Why.ALREADY_DONE));
        assertThat(processing.expire(late)).isEqualTo(new Refused(processing, Why.NOT_ALLOWED));
    }

    // ---- thumbnailReady

    @Test
    void aThumbnailShowsTheCellAtAHundredPercentWithWhatWasFound() {
        Asset processing = anAsset().withHints(new MediaInfo(10, 10, null, "hint")).at(Stage.PROCESSING);

        Asset thumbnail = moved(processing.thumbnailReady(THUMBNAIL, new MediaInfo(4000, 3000, null, null), LATER));

        assertThat(thumbnail.stage()).isEqualTo(Stage.THUMBNAIL_READY);
        assertThat(thumbnail.progress()).isEqualTo(100);
        assertThat(thumbnail.rendition(Rendition.Kind.THUMBNAIL)).contains(THUMBNAIL);
        assertThat(thumbnail.info()).isEqualTo(new MediaInfo(4000, 3000, null, "hint"));
        assertThat(thumbnail.updatedAt()).isEqualTo(LATER);
        assertThat(thumbnail.isDownloadable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"THUMBNAIL_READY", "TRANSCODING", "READY"})
    void aSecondThumbnailIsAlreadyDone(Stage stage) {
        Asset asset = aVideo().at(stage);

        assertThat(asset.thumbnailReady(THUMBNAIL, MediaInfo.NONE, LATER))
                .isEqualTo(new Refused(asset, Why.ALREADY_DONE));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"UPLOADING", "FAILED", "CANCELLED", "EXPIRED"})
    void noThumbnailOutsideProcessing(Stage stage) {
        Asset asset = aVideo().at(stage);

        assertThat(asset.thumbnailReady(THUMBNAIL, MediaInfo.NONE, LATER))
                .isEqualTo(new Refused(asset, Why.NOT_ALLOWED));
    }

    // ---- transcoding

    @Test
    void transcodingReportsItsProgressFromAnyProcessingStage() {
        Asset halfway = moved(aVideo().at(Stage.THUMBNAIL_READY).transcoding(50, LATER));
        Asset further = moved(halfway.transcoding(75, LATER.plusSeconds(1)));
        Asset straightAway = moved(aVideo().at(Stage.PROCESSING).transcoding(5, LATER));

        assertThat(halfway.stage()).isEqualTo(Stage.TRANSCODING);
        assertThat(halfway.progress()).isEqualTo(50);
        assertThat(further.progress()).isEqualTo(75);
        assertThat(further.updatedAt()).isEqualTo(LATER.plusSeconds(1));
        assertThat(straightAway.progress()).isEqualTo(5);
    }

    @Test
    void transcodingProgressIsBoundedToZeroToAHundred() {
        Asset video = aVideo().at(Stage.TRANSCODING);

        assertThat(moved(video.transcoding(101, LATER)).progress()).isEqualTo(100);
        assertThat(moved(video.transcoding(100, LATER)).progress()).isEqualTo(100);
        assertThat(moved(moved(video.transcoding(40, LATER)).transcoding(-1, LATER)).progress()).isZero();
        assertThat(moved(video.transcoding(1, LATER)).progress()).isEqualTo(1);
    }

    @Test
    void theSameProgressAgainChangesNothing() {
        Asset at40 = moved(aVideo().at(Stage.TRANSCODING).transcoding(40, LATER));

        assertThat(at40.transcoding(40, LATER.plusSeconds(1))).isEqualTo(new Refused(at40, Why.ALREADY_DONE));
        assertThat(moved(aVideo().at(Stage.THUMBNAIL_READY).transcoding(100, LATER)).progress()).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"UPLOADING", "READY", "FAILED", "CANCELLED", "EXPIRED"})
    void noTranscodingOutsideProcessing(Stage stage) {
        Asset asset = aVideo().at(stage);

        assertThat(asset.transcoding(10, LATER)).isEqualTo(new Refused(asset, Why.NOT_ALLOWED));
    }

    // ---- ready

    @Test
    void readyKeepsWhatProcessingFoundAndMadeAtAHundredPercent() {
        Rendition preview = new Rendition(Rendition.Kind.PREVIEW, new ObjectKey("derived/1/501/preview.webp"),
                new ContentType("image/webp"), 1280, 960);
        Asset transcoding = moved(aVideo().at(Stage.TRANSCODING).transcoding(40, LATER));

        Asset ready = moved(transcoding.ready(new MediaInfo(1920, 1080, 12_500L, null), List.of(preview), LATER));

        assertThat(ready.stage()).isEqualTo(Stage.READY);
        assertThat(ready.progress()).isEqualTo(100);
        assertThat(ready.stage().isTerminal()).isTrue();
        assertThat(ready.isBeingProcessed()).isFalse();
        assertThat(ready.isDownloadable()).isTrue();
        assertThat(ready.renditions()).containsExactlyInAnyOrder(THUMBNAIL, preview);
        assertThat(ready.info().durationMillis()).isEqualTo(12_500L);
    }

    @Test
    void readyTwiceIsAlreadyDone() {
        Asset ready = anAsset().at(Stage.READY);

        assertThat(ready.ready(MediaInfo.NONE, List.of(), LATER)).isEqualTo(new Refused(ready, Why.ALREADY_DONE));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"UPLOADING", "FAILED", "CANCELLED", "EXPIRED"})
    void noReadyOutsideProcessing(Stage stage) {
        Asset asset = aVideo().at(stage);

        assertThat(asset.ready(MediaInfo.NONE, List.of(), LATER)).isEqualTo(new Refused(asset, Why.NOT_ALLOWED));
    }

    // ---- fail

    @Test
    void failingKeepsTheProgressAndRecordsWhy() {
        Asset failed = moved(moved(aVideo().at(Stage.TRANSCODING).transcoding(60, LATER))
                .fail("transcode_failed", LATER));

        assertThat(failed.stage()).isEqualTo(Stage.FAILED);
        assertThat(failed.failureCode()).contains("transcode_failed");
        assertThat(failed.progress()).isEqualTo(60);
        assertThat(failed.isDownloadable()).isFalse();
    }

    @Test
    void failingTwiceIsAlreadyDone() {
        Asset failed = anAsset().at(Stage.FAILED);

        assertThat(failed.fail("late", LATER)).isEqualTo(new Refused(failed, Why.ALREADY_DONE));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"UPLOADING", "READY", "CANCELLED", "EXPIRED"})
    void onlyAnAssetBeingProcessedFailsProcessing(Stage stage) {
        Asset asset = aVideo().at(stage);

        assertThat(asset.fail("processing_failed", LATER)).isEqualTo(new Refused(asset, Why.NOT_ALLOWED));
    }

    // ---- invariants

    @Test
    void onlyAFailedAssetHasAFailureCode() {
        Asset asset = anAsset().build();

        assertThatIllegalArgumentException().isThrownBy(() -> withStage(asset, Stage.READY, 100, Optional.of("oops")));
        assertThatIllegalArgumentException().isThrownBy(() -> withStage(asset, Stage.FAILED, 0, Optional.empty()));
        assertThat(withStage(asset, Stage.FAILED, 0, Optional.of("oops")).failureCode()).contains("oops");
    }

    @Test
    void progressIsAPercentage() {
        Asset asset = anAsset().build();

        assertThatIllegalArgumentException().isThrownBy(() -> withStage(asset, Stage.PROCESSING, 101, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> withStage(asset, Stage.PROCESSING, -1, Optional.empty()));
        assertThat(withStage(asset, Stage.PROCESSING, 100, Optional.empty()).progress()).isEqualTo(100);
        assertThat(withStage(asset, Stage.PROCESSING, 0, Optional.empty()).progress()).isZero();
    }

    @Test
    void anAssetNeedsEveryIdentityFieldAndTimestamp() {
        Asset a = anAsset().build();

        assertThatNullPointerException().isThrownBy(() -> new Asset(null, a.messageId(), a.owner(), a.kind(),
                a.fileName(), a.contentType(), a.objectKey(), a.plan(), a.stage(), 0, a.info(), List.of(),
                Optional.empty(), T0, T0, T0, AssetText.NONE, List.of())).withMessage("id");
        assertThatNullPointerException().isThrownBy(() -> new Asset(a.id(), a.messageId(), a.owner(), a.kind(),
                a.fileName(), a.contentType(), a.objectKey(), a.plan(), null, 0, a.info(), List.of(),
                Optional.empty(), T0, T0, T0, AssetText.NONE, List.of())).withMessage("stage");
        assertThatNullPointerException().isThrownBy(() -> new Asset(a.id(), a.messageId(), a.owner(), a.kind(),
                a.fileName(), a.contentType(), a.objectKey(), a.plan(), a.stage(), 0, a.info(), List.of(),
                null, T0, T0, T0, AssetText.NONE, List.of())).withMessage("failureCode");
        assertThatNullPointerException().isThrownBy(() -> new Asset(a.id(), a.messageId(), a.owner(), a.kind(),
                a.fileName(), a.contentType(), a.objectKey(), a.plan(), a.stage(), 0, a.info(), List.of(),
                Optional.empty(), T0, T0, null, AssetText.NONE, List.of())).withMessage("expiresAt");
    }

    @Test
    void anAssetsKeyNamesThatAssetAndNoOther() {
        Asset a = anAsset().build();
        ObjectKey anothersKey = new ObjectKey("raw/1/" + (a.id().value() + 1) + "/a.jpg");
        ObjectKey noAssetsKey = new ObjectKey("raw/1/x/a.jpg");

        assertThatIllegalArgumentException().isThrownBy(() -> new Asset(a.id(), a.messageId(), a.owner(), a.kind(),
                a.fileName(), a.contentType(), anothersKey, a.plan(), a.stage(), 0, a.info(), List.of(),
                Optional.empty(), T0, T0, T0, AssetText.NONE, List.of())).withMessageContaining(anothersKey.value());
        assertThatIllegalArgumentException().isThrownBy(() -> new Asset(a.id(), a.messageId(), a.owner(), a.kind(),
                a.fileName(), a.contentType(), noAssetsKey, a.plan(), a.stage(), 0, a.info(), List.of(),
                Optional.empty(), T0, T0, T0, AssetText.NONE, List.of()));
        assertThat(new Asset(a.id(), a.messageId(), a.owner(), a.kind(), a.fileName(), a.contentType(),
                a.objectKey().sealed(), a.plan(), a.stage(), 0, a.info(), List.of(), Optional.empty(), T0, T0, T0,
                AssetText.NONE, List.of()).objectKey()).isEqualTo(a.objectKey().sealed());
    }

    @Test
    void aMoveAnswersTheAssetItLeavesOrKeeps() {
        Asset fresh = anAsset().build();
        AssetMove moved = fresh.complete(LATER);
        AssetMove refused = fresh.ready(MediaInfo.NONE, List.of(), LATER);

        assertThat(moved.moved()).isTrue();
        assertThat(moved.asset().stage()).isEqualTo(Stage.PROCESSING);
        assertThat(refused.moved()).isFalse();
        assertThat(refused.asset()).isSameAs(fresh);
        assertThatNullPointerException().isThrownBy(() -> new AssetMove.Moved(null));
        assertThatNullPointerException().isThrownBy(() -> new Refused(fresh, null));
        assertThatNullPointerException().isThrownBy(() -> new Refused(null, Why.NOT_ALLOWED));
    }

    @Test
    void anUnstartedPlanHasNoUploadIdToGive() {
        UploadPlan.Multipart plan = new UploadPlan.Multipart(15_000_000, 5_242_880, 3);

        assertThat(plan.uploadId()).isEmpty();
        assertThatIllegalStateException().isThrownBy(plan::startedId);
        assertThat(plan.startedAs("u-1").startedId()).isEqualTo("u-1");
        assertThatIllegalArgumentException().isThrownBy(() -> plan.startedAs(" "));
        assertThatNullPointerException().isThrownBy(() -> new UploadPlan.Multipart(15_000_000, 5_242_880, 3, null));
    }

    private static Asset withStage(Asset a, Stage stage, int progress, Optional<String> failureCode) {
        return new Asset(a.id(), a.messageId(), a.owner(), a.kind(), a.fileName(), a.contentType(), a.objectKey(),
                a.plan(), stage, progress, a.info(), a.renditions(), failureCode, T0, T0, T0, AssetText.NONE, List.of());
    }
}
