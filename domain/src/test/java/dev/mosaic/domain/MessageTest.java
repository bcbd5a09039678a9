package dev.mosaic.domain;

import static dev.mosaic.domain.AnAsset.T0;
import static dev.mosaic.domain.AnAsset.aVideo;
import static dev.mosaic.domain.AnAsset.anAsset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTest {

    private static final MessageId ID = MessageId.of(105);
    private static final UserId SENDER = UserId.of(1);
    private static final UserId RECEIVER = UserId.of(42);

    @Test
    void theSenderAndTheReceiverAreInvolvedAndNobodyElse() {
        Message message = album(List.of());

        assertThat(message.involves(SENDER)).isTrue();
        assertThat(message.involves(RECEIVER)).isTrue();
        assertThat(message.involves(UserId.of(7))).isFalse();
    }

    @Test
    void theAudienceIsTheSenderThenTheReceiver() {
        assertThat(album(List.of()).audience()).containsExactly(SENDER, RECEIVER);
    }

    @Test
    void aNoteToSelfHasAnAudienceOfOne() {
        Message note = new Message(ID, SENDER, SENDER, "memo", T0, List.of());

        assertThat(note.audience()).containsExactly(SENDER);
        assertThat(note.involves(SENDER)).isTrue();
    }

    @Test
    void anAlbumIsSettledOnlyWhenEveryAssetIsTerminal() {
        Asset ready = anAsset().withId(501).at(Stage.READY);
        Asset transcoding = aVideo().withId(502).at(Stage.TRANSCODING);

        Message message = album(List.of(ready, transcoding));

        assertThat(message.isSettled()).isFalse();
        assertThat(message.withAsset(AnAsset.moved(transcoding.ready(MediaInfo.NONE, List.of(), T0))).isSettled()).isTrue();
    }

    @Test
    void failedCancelledAndExpiredAssetsCountAsSettled() {
        Message message = album(List.of(
                anAsset().withId(501).at(Stage.FAILED),
                anAsset().withId(502).at(Stage.CANCELLED),
                anAsset().withId(503).at(Stage.EXPIRED)));

        assertThat(message.isSettled()).isTrue();
    }

    @Test
    void aThumbnailAloneDoesNotSettleAnAsset() {
        assertThat(album(List.of(anAsset().at(Stage.THUMBNAIL_READY))).isSettled()).isFalse();
    }

    @Test
    void replacingAnAssetKeepsTheAlbumsOrder() {
        Asset first = anAsset().withId(501).build();
        Asset second = aVideo().withId(502).build();
        Asset third = anAsset().withId(503).withFileName("itinerary.pdf").build();
        Message message = album(List.of(first, second, third));

        Asset processing = AnAsset.moved(second.complete(T0));
        Message changed = message.withAsset(processing);

        assertThat(changed.assets()).containsExactly(first, processing, third);
        assertThat(message.assets()).containsExactly(first, second, third);
    }

    @Test
    void anAssetIsFoundInItsAlbumByItsId() {
        Asset first = anAsset().withId(501).build();
        Asset second = aVideo().withId(502).build();
        Message message = album(List.of(first, second));

        assertThat(message.asset(AssetId.of(502))).contains(second);
        assertThat(message.asset(AssetId.of(501))).contains(first);
        assertThat(message.asset(AssetId.of(999))).isEmpty();
    }

    @Test
    void replacingAnAssetOfAnotherAlbumChangesNothing() {
        Message message = album(List.of(anAsset().withId(501).build()));

        assertThat(message.withAsset(anAsset().withId(999).build())).isEqualTo(message);
    }

    @Test
    void anAssetOfAnotherMessageCannotJoinTheAlbum() {
        Asset foreign = anAsset().withMessageId(106).build();

        assertThatIllegalArgumentException().isThrownBy(() -> album(List.of(foreign)));
    }

    @Test
    void missingTextIsEmptyText() {
        assertThat(new Message(ID, SENDER, RECEIVER, null, T0, List.of()).text()).isEmpty();
    }

    @Test
    void theAssetListCannotBeChangedBehindTheMessagesBack() {
        List<Asset> assets = new ArrayList<>(List.of(anAsset().build()));
        Message message = album(assets);

        assets.clear();

        assertThat(message.assets()).hasSize(1);
    }

    @Test
    void aMessageNeedsItsPeopleAndTime() {
        assertThatNullPointerException().isThrownBy(() -> new Message(null, SENDER, RECEIVER, "", T0, List.of()));
        assertThatNullPointerException().isThrownBy(() -> new Message(ID, null, RECEIVER, "", T0, List.of()));
        assertThatNullPointerException().isThrownBy(() -> new Message(ID, SENDER, null, "", T0, List.of()));
        assertThatNullPointerException().isThrownBy(() -> new Message(ID, SENDER, RECEIVER, "", null, List.of()));
    }

    private static Message album(List<Asset> assets) {
        return new Message(ID, SENDER, RECEIVER, "Check out the photos from the trip! 🌴", T0, assets);
    }
}
