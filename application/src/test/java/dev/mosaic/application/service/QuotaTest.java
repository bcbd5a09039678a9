package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AssetReference;
import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.QuotaExceeded;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.QuotaHeadroom;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.QuotaBreach.Quota;
import dev.mosaic.domain.UploadQuota;
import dev.mosaic.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-user quotas on the batch request: pending uploads (count and bytes) and albums per day. */
class QuotaTest {

    static final UserId OTHER = UserId.of(77);

    final FakeWorld world = new FakeWorld(MosaicSettings.defaults().withQuota(new UploadQuota(3, 10_000, 4)));

    AlbumCreated send(UserId sender, long... sizes) {
        List<Attachment> files = java.util.Arrays.stream(sizes)
                .mapToObj(size -> new Attachment("f" + size + ".pdf", size, "application/pdf", "file", null, null, null, null, null, null, null, null))
                .toList();
        return world.services.sendAlbum().send(new SendAlbumCommand(sender, 42L, "", files, null));
    }

    QuotaExceeded refused(UserId sender, long... sizes) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> send(sender, sizes));
        assertThat(thrown).isInstanceOf(QuotaExceeded.class);
        return (QuotaExceeded) thrown;
    }

    @Test
    void theUploadOverThePendingCountIsRefusedAndNothingIsWritten() {
        send(SENDER, 10, 10);
        long committed = world.transactions.committed();

        QuotaExceeded exceeded = refused(SENDER, 10, 10);

        assertThat(exceeded.breach().quota()).isEqualTo(Quota.PENDING_UPLOADS);
        assertThat(exceeded.breach().limit()).isEqualTo(3);
        assertThat(exceeded.breach().freesAt()).contains(world.clock.instant().plus(Duration.ofHours(24)));
        assertThat(world.transactions.committed()).as("the reservation, nothing stored").isEqualTo(committed + 1);
        assertThat(world.messages.usage(SENDER, world.clock.instant().minusSeconds(60)).albumsInWindow()).isEqualTo(1);
        send(SENDER, 10);
        send(OTHER, 10, 10, 10);
    }

    @Test
    void theByteOverThePendingBytesIsRefused() {
        send(SENDER, 6_000);

        assertThat(refused(SENDER, 4_001).breach().quota()).isEqualTo(Quota.PENDING_BYTES);
        send(SENDER, 4_000);
    }

    @Test
    void completingAnUploadFreesItsPlace() {
        AlbumCreated album = send(SENDER, 10, 10, 10);
        refused(SENDER, 10);
        var first = album.uploads().get(0);
        world.storage.upload(new ObjectKey(first.objectKey()), pdf(10), new ContentType("application/pdf"));

        world.services.completeUpload().complete(new CompleteUploadCommand(SENDER,
                new AssetReference(first.assetId(), null), null, null));

        send(SENDER, 10);
    }

    @Test
    void cancellingAnUploadFreesItsPlace() {
        AlbumCreated album = send(SENDER, 10, 10, 10);
        refused(SENDER, 10);

        world.services.abortUpload().abort(new AbortUploadCommand(SENDER,
                new AssetReference(album.uploads().get(2).assetId(), null)));

        send(SENDER, 10);
    }

    @Test
    void theFifthAlbumOfADayWaitsUntilTheFirstIsADayOld() {
        for (int i = 0; i < 4; i++) {
            AlbumCreated album = send(SENDER, 1);
            world.services.abortUpload().abort(new AbortUploadCommand(SENDER,
                    new AssetReference(album.uploads().get(0).assetId(), null)));
            world.clock.advance(Duration.ofHours(1));
        }
        java.time.Instant first = world.clock.instant().minus(Duration.ofHours(4));

        QuotaExceeded exceeded = refused(SENDER, 1);

        assertThat(exceeded.breach().quota()).isEqualTo(Quota.ALBUMS_PER_DAY);
        assertThat(exceeded.breach().freesAt()).contains(first.plus(Duration.ofHours(24)));
        assertThat(exceeded.getMessage()).contains("albums_per_day", "at most 4");
        world.clock.advance(Duration.ofHours(20).plusSeconds(1));
        send(SENDER, 1);
    }

    @Test
    void anIdempotentReplayIsNotCountedAgain() {
        SendAlbumCommand command = new SendAlbumCommand(SENDER, 42L, "", List.of(
                new Attachment("a.pdf", 10L, "application/pdf", "file", null, null, null, null, null, null, null, null)), "key-1");
        AlbumCreated first = world.services.sendAlbum().send(command);
        send(SENDER, 10, 10);

        assertThat(world.services.sendAlbum().send(command).messageId()).isEqualTo(first.messageId());
    }

    @Test
    void theHeadroomTellsWhatIsUsedOfEachQuota() {
        send(SENDER, 100, 200);

        assertThat(world.services.readQuota().headroom(SENDER))
                .isEqualTo(new QuotaHeadroom(2, 3, 300, 10_000, 1, 4));
        assertThat(world.services.readQuota().headroom(OTHER))
                .isEqualTo(new QuotaHeadroom(0, 3, 0, 10_000, 0, 4));
    }

    @Test
    void everyOtherSettingKeepsTheQuota() {
        UploadQuota quota = new UploadQuota(1, 2, 3);
        MosaicSettings settings = MosaicSettings.defaults().withQuota(quota);

        assertThat(settings.withJobLease(Duration.ofMinutes(3)).quota()).isEqualTo(quota);
        assertThat(settings.withUploadDeadline(Duration.ofHours(3)).quota()).isEqualTo(quota);
        assertThat(settings.withDownloadUrlTtl(Duration.ofHours(3)).quota()).isEqualTo(quota);
        assertThat(MosaicSettings.defaults().quota()).isEqualTo(UploadQuota.defaults());
    }

    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }
}
