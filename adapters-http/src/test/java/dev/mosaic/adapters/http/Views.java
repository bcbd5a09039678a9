package dev.mosaic.adapters.http;

import dev.mosaic.application.service.ReadLimitsService;
import dev.mosaic.application.view.AlbumCreated;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.application.view.MessageView;
import dev.mosaic.application.view.PartBatch;
import dev.mosaic.application.view.PartUrl;
import dev.mosaic.application.view.PartsIssued;
import dev.mosaic.application.view.QuotaHeadroom;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.application.view.UploadLimits;
import dev.mosaic.domain.UploadPolicy;
import dev.mosaic.domain.UploadQuota;
import dev.mosaic.domain.UserId;
import java.util.List;
import java.util.Map;

/** Views as the use cases answer them, with realistic defaults. */
final class Views {

    static final long MESSAGE_ID = 105;
    static final long SENDER = 1;
    static final long RECEIVER = 42;

    private Views() {
    }

    static AssetView asset(long assetId) {
        return new AssetView(MESSAGE_ID, assetId, "image", "beach.jpg", 3_050_000, "image/jpeg", "uploading", 0,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    static AssetView readyVideo(long assetId) {
        return new AssetView(MESSAGE_ID, assetId, "video", "party.mp4", 15_000_000, "video/mp4", "ready", 100,
                1920, 1080, 12.5, "LEHV6nWB2yk8", "https://cdn.test/thumb.webp", "https://cdn.test/preview.webp",
                "https://cdn.test/play.mp4", "https://cdn.test/raw.mp4", null, null, null);
    }

    static MessageView message(long messageId) {
        return new MessageView(messageId, SENDER, RECEIVER, "Check out the photos from the trip! \uD83C\uDF34",
                "2025-01-01T10:00:00Z", false, List.of(asset(501), readyVideo(502)));
    }

    static PartBatch batch() {
        return new PartBatch(List.of(new PartUrl(1, "https://s3.test/part1", 5_242_880),
                new PartUrl(2, "https://s3.test/part2", 5_242_880)), 3, "2025-01-01T11:00:00Z");
    }

    static AlbumCreated albumCreated() {
        UploadInstruction direct = new UploadInstruction.Direct(501, "raw/1/501/beach.jpg", "beach.jpg", "image",
                "2025-01-01T11:00:00Z", "https://s3.test/put", Map.of("Content-Type", "image/jpeg"));
        UploadInstruction multipart = new UploadInstruction.Multipart(502, "raw/1/502/party.mp4", "party.mp4", "video",
                "2025-01-01T11:00:00Z", "upload_xyz_123", 5_242_880L, 3, batch());
        return new AlbumCreated(MESSAGE_ID, List.of(direct, multipart), message(MESSAGE_ID));
    }

    /** The defaults, as the real use case tells them, to a viewer with one upload of 3 MiB pending and 2 albums today. */
    static UploadLimits limits() {
        UploadQuota quota = UploadQuota.defaults();
        QuotaHeadroom headroom = new QuotaHeadroom(1, quota.maxPendingUploads(), 3L * 1024 * 1024,
                quota.maxPendingBytes(), 2, quota.maxAlbumsPerDay());
        return new ReadLimitsService(UploadPolicy.defaults(), viewer -> headroom).limits(UserId.of(SENDER));
    }

    /** Cell 503's new file, after its fake PDF failed. */
    static UploadInstruction replaced() {
        return new UploadInstruction.Direct(503, "raw/1/503/_r1-itinerary.pdf", "itinerary.pdf", "file",
                "2025-01-01T11:00:00Z", "https://s3.test/put2", Map.of("Content-Type", "application/pdf"));
    }

    static PartsIssued partsIssued() {
        return PartsIssued.multipart(502, "raw/1/502/party.mp4", "upload_xyz_123", 5_242_880L, 3,
                List.of(new PartsIssued.StoredPart(1, 5_242_880L, "\"9b2cf535f27731c974343645a3985328\"")), batch());
    }

    static PartsIssued directIssued() {
        return PartsIssued.direct(501, "raw/1/501/beach.jpg", "2025-01-01T11:00:00Z",
                "https://s3.example.com/raw/1/501/beach.jpg?X-Amz-Signature=abc", Map.of("Content-Type", "image/jpeg"));
    }
}
