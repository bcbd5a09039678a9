package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.RECEIVER;
import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static dev.mosaic.application.service.GuideStoryTest.STRANGER;
import static dev.mosaic.application.service.GuideStoryTest.guideRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.ListConversationQuery;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.SignPartsCommand;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.domain.MessageId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only the sender completes, signs or aborts; only sender and receiver read. */
class AccessRulesTest {
    final FakeWorld world = new FakeWorld();
    final AlbumCreated album = world.services.sendAlbum().send(guideRequest());

    @Test
    void theReceiverCannotCompleteTheSendersUpload() {
        long imageId = album.uploads().get(0).assetId();
        assertThatThrownBy(() -> world.services.completeUpload().complete(new CompleteUploadCommand(RECEIVER,
                new AssetReference(imageId, null), null, null)))
                .isInstanceOfSatisfying(RequestRejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.NOT_FOUND);
                    assertThat(rejected.code()).isEqualTo("asset_not_found");
                });
    }

    @Test
    void aStrangerCannotAbortOrSignParts() {
        long videoId = album.uploads().get(1).assetId();
        assertThatThrownBy(() -> world.services.abortUpload().abort(
                new AbortUploadCommand(STRANGER, new AssetReference(videoId, null))))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("asset_not_found"));
        assertThatThrownBy(() -> world.services.signParts().sign(
                new SignPartsCommand(STRANGER, new AssetReference(videoId, null), null, List.of(1), null)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("asset_not_found"));
    }

    @Test
    void senderAndReceiverReadTheMessageAndAStrangerIsToldItDoesNotExist() {
        MessageId id = MessageId.of(album.messageId());
        assertThat(world.services.readMessages().get(SENDER, id).assets()).hasSize(3);
        assertThat(world.services.readMessages().get(RECEIVER, id).text()).startsWith("Check out");
        assertThatThrownBy(() -> world.services.readMessages().get(STRANGER, id))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(RequestRejected.Reason.NOT_FOUND));
    }

    @Test
    void aConversationListsOnlyMessagesBetweenTheTwo() {
        assertThat(world.services.readMessages().list(
                new ListConversationQuery(RECEIVER, SENDER, Optional.empty(), 50))).hasSize(1);
        assertThat(world.services.readMessages().list(
                new ListConversationQuery(STRANGER, SENDER, Optional.empty(), 50))).isEmpty();
    }

    @Test
    void anObjectKeyOfAnotherUsersAssetIsNotFound() {
        String key = album.uploads().get(0).objectKey();
        assertThatThrownBy(() -> world.services.completeUpload().complete(new CompleteUploadCommand(STRANGER,
                new AssetReference(null, key), null, null)))
                .isInstanceOfSatisfying(RequestRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("asset_not_found"));
    }
}
