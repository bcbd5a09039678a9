package dev.mosaic.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.MessageId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewAlbumIdsTest {
    private static final MessageId MESSAGE = MessageId.of(7);

    @Test
    void assetIdsThatAscendAreKeptInTheirOrderAndCopied() {
        List<AssetId> drawn = new ArrayList<>(List.of(AssetId.of(3), AssetId.of(4), AssetId.of(9)));

        NewAlbumIds ids = new NewAlbumIds(MESSAGE, drawn);
        drawn.clear();

        assertThat(ids.message()).isEqualTo(MESSAGE);
        assertThat(ids.assets()).containsExactly(AssetId.of(3), AssetId.of(4), AssetId.of(9));
        assertThat(new NewAlbumIds(MESSAGE, List.of()).assets()).isEmpty();
    }

    @Test
    void assetIdsOutOfOrderOrRepeatedAreABug() {
        assertThatThrownBy(() -> new NewAlbumIds(MESSAGE, List.of(AssetId.of(3), AssetId.of(5), AssetId.of(4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascend");
        assertThatThrownBy(() -> new NewAlbumIds(MESSAGE, List.of(AssetId.of(3), AssetId.of(3))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAlbumWithoutAMessageIdIsABug() {
        assertThatThrownBy(() -> new NewAlbumIds(null, List.of())).isInstanceOf(NullPointerException.class);
    }
}
