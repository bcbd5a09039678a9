package dev.mosaic.application.service;

import static dev.mosaic.application.service.GuideStoryTest.SENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mosaic.application.fake.FakeWorld;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.SendAlbumCommand;
import dev.mosaic.application.port.in.SendAlbumCommand.Attachment;
import dev.mosaic.application.view.QuotaHeadroom;
import dev.mosaic.application.view.UploadLimits;
import dev.mosaic.domain.UploadPolicy;
import dev.mosaic.domain.UploadQuota;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits a client reads are the ones its batch request is checked against: at the limit passes, past it not. */
class ReadLimitsTest {
    static final UploadPolicy TIGHT = new UploadPolicy(3, 20, 7 * UploadPolicy.MIB, 9 * UploadPolicy.MIB,
            11 * UploadPolicy.MIB, 6 * UploadPolicy.MIB, 7 * UploadPolicy.MIB);
    static final UploadQuota QUOTA = new UploadQuota(7, 100 * UploadPolicy.MIB, 50);
    static final Map<String, String> SAMPLE_TYPES = Map.of("image", "image/png", "video", "video/webm",
            "file", "application/zip");

    final FakeWorld world = new FakeWorld(new MosaicSettings(TIGHT, Duration.ofHours(1), Duration.ofHours(24),
            Duration.ofHours(12), 100, 5, Duration.ofSeconds(2), Duration.ofMinutes(10)).withQuota(QUOTA));
    final UploadLimits limits = world.services.readLimits().limits(SENDER);

    private void send(String text, Attachment... attachments) {
        world.services.sendAlbum().send(new SendAlbumCommand(SENDER, 42L, text, List.of(attachments), null));
    }

    private void assertRefused(String code, Runnable send) {
        assertThatThrownBy(send::run).isInstanceOfSatisfying(RequestRejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo(code));
    }

    @Test
    void theLimitsAreThePolicys() {
        assertThat(limits.maxAttachments()).isEqualTo(3);
        assertThat(limits.maxTextLength()).isEqualTo(20);
        assertThat(limits.kinds()).containsOnlyKeys("image", "video", "file");
        assertThat(limits.kinds().get("image").maxBytes()).isEqualTo(7 * UploadPolicy.MIB);
        assertThat(limits.kinds().get("video").maxBytes()).isEqualTo(9 * UploadPolicy.MIB);
        assertThat(limits.kinds().get("file").maxBytes()).isEqualTo(11 * UploadPolicy.MIB);
        assertThat(limits.kinds().get("image").acceptedTypes()).contains("image/jpeg").doesNotContain("image/svg+xml");
        assertThat(limits.kinds().get("video").acceptedTypes()).containsExactly("video/*");
        assertThat(limits.multipart()).isEqualTo(new UploadLimits.Multipart(6 * UploadPolicy.MIB,
                7 * UploadPolicy.MIB, 5 * UploadPolicy.MIB, 5L * 1024 * UploadPolicy.MIB, 10_000));
    }

    @Test
    void aFileOfTheLargestSizeOfItsKindIsAcceptedAndOneByteMoreIsNot() {
        limits.kinds().forEach((kind, kindLimits) -> {
            String type = SAMPLE_TYPES.get(kind);
            send("", Attachment.of("at-limit", kindLimits.maxBytes(), type, kind));
            assertRefused("file_too_large", () -> send("", Attachment.of("past", kindLimits.maxBytes() + 1, type, kind)));
        });
    }

    @Test
    void asManyAttachmentsAsAdvertisedAreAcceptedAndOneMoreIsNot() {
        Attachment photo = Attachment.of("a.png", 10, "image/png", "image");
        send("", Collections.nCopies(limits.maxAttachments(), photo).toArray(Attachment[]::new));
        assertRefused("too_many_attachments", () ->
                send("", Collections.nCopies(limits.maxAttachments() + 1, photo).toArray(Attachment[]::new)));
    }

    @Test
    void aTextOfTheAdvertisedLengthIsAcceptedAndOneCharacterMoreIsNot() {
        Attachment photo = Attachment.of("a.png", 10, "image/png", "image");
        send("é".repeat(limits.maxTextLength()), photo);
        assertRefused("text_too_long", () -> send("é".repeat(limits.maxTextLength() + 1), photo));
    }

    @Test
    void everyViewerWithNothingInFlightReadsTheSameLimits() {
        assertThat(world.services.readLimits().limits(GuideStoryTest.RECEIVER)).isEqualTo(limits);
    }

    @Test
    void theViewersQuotaHeadroomCountsWhatTheyHaveInFlight() {
        assertThat(limits.quota()).isEqualTo(new QuotaHeadroom(0, 7, 0, 100 * UploadPolicy.MIB, 0, 50));

        send("", Attachment.of("a.png", 10, "image/png", "image"), Attachment.of("b.png", 32, "image/png", "image"));

        assertThat(world.services.readLimits().limits(SENDER).quota())
                .isEqualTo(new QuotaHeadroom(2, 7, 42, 100 * UploadPolicy.MIB, 1, 50));
        assertThat(world.services.readLimits().limits(GuideStoryTest.RECEIVER).quota()).isEqualTo(limits.quota());
    }
}
