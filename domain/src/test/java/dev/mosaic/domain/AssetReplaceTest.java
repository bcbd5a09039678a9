package dev.mosaic.domain;

import static dev.mosaic.domain.AnAsset.T0;
import static dev.mosaic.domain.AnAsset.THUMBNAIL;
import static dev.mosaic.domain.AnAsset.anAsset;
import static dev.mosaic.domain.AnAsset.moved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AssetReplaceTest {

    private static final Instant LATER = T0.plusSeconds(60);
    private static final AssetText TEXT = new AssetText(Optional.of("the real one"), Optional.of("a sunset"));

    private static Replacement pdfFor(Asset asset) {
        FileName name = FileName.sanitize("itinerary.pdf");
        return new Replacement(AssetKind.FILE, name, new ContentType("application/pdf"),
                asset.objectKey().nextGeneration(name), new UploadPlan.Direct(102_400), MediaInfo.NONE, TEXT,
                LATER.plusSeconds(3600));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"FAILED", "CANCELLED", "EXPIRED", "READY"})
    void aSettledCellTakesAnotherFileAndUploadsAgain(Stage stage) {
        Asset before = anAsset().at(stage);

        Asset after = moved(before.replace(pdfFor(before), LATER));

        assertThat(after.stage()).isEqualTo(Stage.UPLOADING);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.messageId()).isEqualTo(before.messageId());
        assertThat(after.kind()).isEqualTo(AssetKind.FILE);
        assertThat(after.fileName().value()).isEqualTo("itinerary.pdf");
        assertThat(after.contentType().value()).isEqualTo("application/pdf");
        assertThat(after.objectKey().value()).isEqualTo("raw/1/501/_r1-itinerary.pdf");
        assertThat(after.fileSize()).isEqualTo(102_400);
        assertThat(after.progress()).isZero();
        assertThat(after.renditions()).isEmpty();
        assertThat(after.failureCode()).isEmpty();
        assertThat(after.text()).isEqualTo(TEXT);
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.updatedAt()).isEqualTo(LATER);
        assertThat(after.expiresAt()).isEqualTo(LATER.plusSeconds(3600));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"UPLOADING", "PROCESSING", "THUMBNAIL_READY", "TRANSCODING"})
    void aCellStillUploadingOrProcessingIsNotReplaced(Stage stage) {
        Asset before = anAsset().at(stage);

        AssetMove move = before.replace(pdfFor(before), LATER);

        assertThat(before.canBeReplaced()).isFalse();
        assertThat(move).isEqualTo(new AssetMove.Refused(before, AssetMove.Why.NOT_ALLOWED));
    }

    @Test
    void aReplacementMadeForAnotherGenerationIsRefused() {
        Asset failed = anAsset().at(Stage.FAILED);
        Replacement first = pdfFor(failed);
        Asset replacedAndFailedAgain = moved(moved(failed.replace(first, LATER)).reject("size_mismatch", LATER));

        assertThat(replacedAndFailedAgain.replace(first, LATER).moved()).as("a stale replacement").isFalse();
        assertThat(moved(replacedAndFailedAgain.replace(pdfFor(replacedAndFailedAgain), LATER)).objectKey().value())
                .isEqualTo("raw/1/501/_r2-itinerary.pdf");
    }

    @Test
    void aSwappedReadyCellKeepsTheOldFilesObjectsUntilTheNewOneSettles() {
        Asset ready = moved(anAsset().at(Stage.PROCESSING).ready(MediaInfo.NONE, List.of(THUMBNAIL), T0));

        Asset swapped = moved(ready.replace(pdfFor(ready), LATER));
        Asset processing = moved(swapped.complete(LATER));
        Asset readyAgain = moved(processing.ready(MediaInfo.NONE, List.of(), LATER));

        List<ObjectKey> old = List.of(new ObjectKey("raw/1/501/beach.jpg"), new ObjectKey("sealed/1/501/beach.jpg"),
                THUMBNAIL.key());
        assertThat(ready.storedObjects()).isEqualTo(old);
        assertThat(swapped.superseded()).isEqualTo(old);
        assertThat(processing.superseded()).as("still served while the new file is processed").isEqualTo(old);
        assertThat(processing.releasedIn(readyAgain)).isEqualTo(old);
        assertThat(readyAgain.superseded()).isEmpty();
        assertThat(swapped.releasedIn(processing)).isEmpty();
    }

    @Test
    void anAbandonedSwapLetsGoOfTheOldFileToo() {
        Asset ready = anAsset().at(Stage.READY);
        Asset swapped = moved(ready.replace(pdfFor(ready), LATER));

        assertThat(swapped.releasedIn(moved(swapped.cancel(LATER)))).hasSize(2);
        assertThat(swapped.releasedIn(moved(swapped.expire(swapped.expiresAt().plusSeconds(1))))).hasSize(2);
        assertThat(swapped.releasedIn(moved(swapped.reject("content_type_mismatch", LATER)))).hasSize(2);
        Asset processing = moved(swapped.complete(LATER));
        assertThat(processing.releasedIn(moved(processing.fail("media_unreadable", LATER)))).hasSize(2);
        assertThat(processing.releasedIn(moved(processing.thumbnailReady(THUMBNAIL, MediaInfo.NONE, LATER))))
                .isEmpty();
    }

    @Test
    void aRetriedCellHoldsNothingForLater() {
        Asset failed = anAsset().at(Stage.FAILED);

        assertThat(moved(failed.replace(pdfFor(failed), LATER)).superseded()).isEmpty();
    }

    @Test
    void aReplacementNamesEverything() {
        assertThatNullPointerException().isThrownBy(() -> anAsset().at(Stage.FAILED).replace(null, LATER));
        assertThatNullPointerException().isThrownBy(() -> new Replacement(AssetKind.FILE, null, ContentType.JPEG,
                new ObjectKey("raw/1/2/_r1-a.jpg"), new UploadPlan.Direct(1), MediaInfo.NONE, AssetText.NONE, T0));
    }
}
