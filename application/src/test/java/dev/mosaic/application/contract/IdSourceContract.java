package dev.mosaic.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link IdSource} must do; subclasses supply a fresh source per test. */
public abstract class IdSourceContract {

    protected abstract IdSource ids();

    @Test
    void anAlbumGetsOneMessageIdAndOneAscendingIdPerAsset() {
        NewAlbumIds album = ids().forAlbum(3);

        assertThat(album.assets()).extracting(AssetId::value).hasSize(3).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void anAlbumWithoutAssetsStillGetsAMessageId() {
        IdSource ids = ids();
        NewAlbumIds empty = ids.forAlbum(0);

        assertThat(empty.assets()).isEmpty();
        assertThat(ids.forAlbum(0).message()).isNotEqualTo(empty.message());
    }

    @Test
    void aNegativeNumberOfAssetsIsABug() {
        assertThatThrownBy(() -> ids().forAlbum(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 assets");
    }

    @Test
    void noIdIsHandedOutTwiceWhicheverWayItIsDrawn() {
        IdSource ids = ids();
        List<MessageId> messages = new ArrayList<>();
        List<AssetId> assets = new ArrayList<>();
        for (int album = 0; album < 40; album++) {
            NewAlbumIds drawn = ids.forAlbum(album % 5);
            messages.add(drawn.message());
            assets.addAll(drawn.assets());
            messages.add(ids.nextMessageId());
            assets.add(ids.nextAssetId());
        }

        assertThat(messages).hasSize(80).doesNotHaveDuplicates();
        assertThat(assets).as("0 to 4 per album, and one more").hasSize(8 * (0 + 1 + 2 + 3 + 4) + 40)
                .doesNotHaveDuplicates();
    }
}
