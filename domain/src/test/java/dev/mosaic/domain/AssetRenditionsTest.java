package dev.mosaic.domain;

import static dev.mosaic.domain.AnAsset.T0;
import static dev.mosaic.domain.AnAsset.aVideo;
import static dev.mosaic.domain.AnAsset.anAsset;
import static dev.mosaic.domain.AnAsset.moved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssetRenditionsTest {

    @Test
    void aRenditionIsFoundByKind() {
        Rendition thumbnail = thumbnail("thumbnail.webp");

        Asset asset = moved(anAsset().at(Stage.PROCESSING).thumbnailReady(thumbnail, MediaInfo.NONE, T0));

        assertThat(asset.rendition(Rendition.Kind.THUMBNAIL)).contains(thumbnail);
        assertThat(asset.rendition(Rendition.Kind.PREVIEW)).isEmpty();
    }

    @Test
    void aNewRenditionReplacesTheOldOneOfTheSameKind() {
        Rendition preview = new Rendition(Rendition.Kind.PREVIEW,
                ObjectKey.derived(UserId.of(1), AssetId.of(501), "preview.webp"), ContentType.WEBP, 1280, 960);

        Asset asset = moved(moved(aVideo().at(Stage.PROCESSING)
                .thumbnailReady(thumbnail("thumbnail.webp"), MediaInfo.NONE, T0))
                .ready(MediaInfo.NONE, List.of(preview, thumbnail("thumbnail-2.webp")), T0));

        assertThat(asset.renditions()).hasSize(2);
        assertThat(asset.rendition(Rendition.Kind.THUMBNAIL)).contains(thumbnail("thumbnail-2.webp"));
        assertThat(asset.rendition(Rendition.Kind.PREVIEW)).contains(preview);
    }

    @Test
    void renditionsCannotBeChangedFromOutside() {
        Asset asset = moved(anAsset().at(Stage.PROCESSING).thumbnailReady(thumbnail("t.webp"), MediaInfo.NONE, T0));

        assertThatThrownBy(() -> asset.renditions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void foundFactsReplaceTheClientsHintsAndKeepWhatWasNotFound() {
        Asset asset = anAsset().withHints(new MediaInfo(100, 50, null, "LEHV6nWB2yk8")).at(Stage.PROCESSING);

        Asset probed = moved(asset.ready(new MediaInfo(4000, 3000, null, null), List.of(), T0));

        assertThat(probed.info()).isEqualTo(new MediaInfo(4000, 3000, null, "LEHV6nWB2yk8"));
    }

    @Test
    void aFileWithNothingFoundKeepsItsHints() {
        MediaInfo hints = new MediaInfo(100, 50, 2_000L, "LEHV6nWB2yk8");
        Asset file = anAsset().withKind(AssetKind.FILE).withFileName("a.pdf").withHints(hints).at(Stage.PROCESSING);

        assertThat(moved(file.ready(MediaInfo.NONE, List.of(), T0)).info()).isEqualTo(hints);
    }

    private static Rendition thumbnail(String name) {
        return new Rendition(Rendition.Kind.THUMBNAIL, ObjectKey.derived(UserId.of(1), AssetId.of(501), name),
                ContentType.WEBP, 320, 240);
    }
}
