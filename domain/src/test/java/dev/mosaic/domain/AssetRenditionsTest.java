package dev.mosaic.domain;

import static dev.mosaic.domain.AnAsset.anAsset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssetRenditionsTest {

    @Test
    void aRenditionIsAddedAndFoundByKind() {
        Rendition thumbnail = thumbnail("thumbnail.webp");

        Asset asset = anAsset().at(Stage.PROCESSING).withRendition(thumbnail);

        assertThat(asset.rendition(Rendition.Kind.THUMBNAIL)).contains(thumbnail);
        assertThat(asset.rendition(Rendition.Kind.PREVIEW)).isEmpty();
        assertThat(asset.stage()).isEqualTo(Stage.PROCESSING);
    }

    @Test
    void aNewRenditionReplacesTheOldOneOfTheSameKind() {
        Rendition preview = new Rendition(Rendition.Kind.PREVIEW,
                ObjectKey.derived(UserId.of(1), AssetId.of(501), "preview.webp"), ContentType.WEBP, 1280, 960);

        Asset asset = anAsset().at(Stage.PROCESSING)
                .withRendition(thumbnail("thumbnail.webp"))
                .withRendition(preview)
                .withRendition(thumbnail("thumbnail-2.webp"));

        assertThat(asset.renditions()).hasSize(2);
        assertThat(asset.rendition(Rendition.Kind.THUMBNAIL)).contains(thumbnail("thumbnail-2.webp"));
        assertThat(asset.rendition(Rendition.Kind.PREVIEW)).contains(preview);
    }

    @Test
    void renditionsCannotBeChangedFromOutside() {
        Asset asset = anAsset().build().withRendition(thumbnail("thumbnail.webp"));

        assertThatThrownBy(() -> asset.renditions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRenditionOrInfoDoesNotChangeTheStage() {
        Asset before = anAsset().at(Stage.PROCESSING);

        Asset after = before.withRendition(thumbnail("t.webp")).withInfo(new MediaInfo(10, 10, null, null));

        assertThat(after.stage()).isEqualTo(before.stage());
        assertThat(after.progress()).isEqualTo(before.progress());
        assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
    }

    @Test
    void foundFactsReplaceTheClientsHints() {
        Asset asset = anAsset().withHints(new MediaInfo(100, 50, null, "LEHV6nWB2yk8")).build();

        Asset probed = asset.withInfo(new MediaInfo(4000, 3000, null, null));

        assertThat(probed.info()).isEqualTo(new MediaInfo(4000, 3000, null, "LEHV6nWB2yk8"));
    }

    @Test
    void aFailedAssetKeepsItsReasonThroughRenditionAndInfoChanges() {
        Asset failed = anAsset().at(Stage.FAILED).withRendition(thumbnail("t.webp")).withInfo(MediaInfo.NONE);

        assertThat(failed.failureCode()).isEqualTo("upload_invalid");
    }

    private static Rendition thumbnail(String name) {
        return new Rendition(Rendition.Kind.THUMBNAIL, ObjectKey.derived(UserId.of(1), AssetId.of(501), name),
                ContentType.WEBP, 320, 240);
    }
}
