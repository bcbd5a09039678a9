package dev.mosaic.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.application.contract.IdSourceContract;
import dev.mosaic.application.port.out.IdSource;
import dev.mosaic.application.port.out.NewAlbumIds;
import dev.mosaic.domain.AssetId;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The port's contract on a database's sequences, and what the one query of {@link SequenceIds#forAlbum} must do on
 * each: move the message sequence once and the asset sequence once per asset, no more.
 */
abstract class SequenceIdsChecks extends IdSourceContract {
    private PersistenceAdapter adapter;

    /** A node on a database of its own for this test. */
    abstract PersistenceAdapter start();

    @Override
    protected IdSource ids() {
        adapter = start();
        return adapter.ids();
    }

    @AfterEach
    void close() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void anAlbumsIdsFollowTheOnesBeforeAndMoveEachSequenceOncePerId() {
        IdSource ids = ids();
        long message = ids.nextMessageId().value();
        long asset = ids.nextAssetId().value();

        NewAlbumIds album = ids.forAlbum(4);
        NewAlbumIds noAssets = ids.forAlbum(0);

        assertThat(album.message().value()).isEqualTo(message + 1);
        assertThat(album.assets()).extracting(AssetId::value)
                .containsExactly(asset + 1, asset + 2, asset + 3, asset + 4);
        assertThat(noAssets.message().value()).isEqualTo(message + 2);
        assertThat(noAssets.assets()).isEmpty();
        assertThat(ids.nextAssetId().value()).isEqualTo(asset + 5);
    }

    @Test
    void anAlbumLargerThanTheQueriesBuiltAheadStillDrawsOneIdPerAsset() {
        IdSource ids = ids();
        long message = ids.nextMessageId().value();
        long asset = ids.nextAssetId().value();

        NewAlbumIds album = ids.forAlbum(17);

        assertThat(album.message().value()).isEqualTo(message + 1);
        assertThat(album.assets()).extracting(AssetId::value)
                .containsExactlyElementsOf(LongStream.rangeClosed(asset + 1, asset + 17).boxed().toList());
        assertThat(ids.nextAssetId().value()).isEqualTo(asset + 18);
    }
}
