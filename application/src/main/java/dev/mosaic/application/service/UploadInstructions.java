package dev.mosaic.application.service;

import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.ObjectStorage.SignedRequest;
import dev.mosaic.application.view.PartBatch;
import dev.mosaic.application.view.PartUrl;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.UploadPlan;
import java.time.Instant;
import java.util.List;

/** Signs what a client needs to move an asset's bytes. */
final class UploadInstructions {
    private final ObjectStorage storage;

    UploadInstructions(ObjectStorage storage) {
        this.storage = storage;
    }

    /**
     * URLs only for an asset still waiting for its bytes: an album answered again (same
     * Idempotency-Key) must not reopen uploads that were verified, cancelled or expired.
     */
    UploadInstruction forAsset(Asset asset, Instant expiresAt, int batchSize) {
        String mode = asset.isMultipart() ? "multipart" : "direct";
        if (!asset.isUploading()) {
            return new UploadInstruction(asset.id().value(), asset.objectKey().value(), asset.fileName().value(),
                    asset.kind().wireName(), mode, expiresAt.toString(), null, null, null, null, null, null);
        }
        if (asset.plan() instanceof UploadPlan.Multipart multipart) {
            List<UploadPlan.Part> first = multipart.parts().subList(0, Math.min(batchSize, multipart.numParts()));
            return new UploadInstruction(asset.id().value(), asset.objectKey().value(), asset.fileName().value(),
                    asset.kind().wireName(), "multipart", expiresAt.toString(), null, null, multipart.startedId(),
                    multipart.partSize(), multipart.numParts(), batch(asset, multipart, first,
                            first.size() < multipart.numParts() ? first.size() + 1 : null, expiresAt));
        }
        SignedRequest put = storage.signPut(asset.objectKey(), asset.fileSize(), asset.contentType(), expiresAt);
        return new UploadInstruction(asset.id().value(), asset.objectKey().value(), asset.fileName().value(),
                asset.kind().wireName(), "direct", expiresAt.toString(), put.url().toString(), put.headers(),
                null, null, null, null);
    }

    /** The parts' URLs; {@code next} is the first part after them that still needs one, if any. */
    PartBatch batch(Asset asset, UploadPlan.Multipart plan, List<UploadPlan.Part> parts, Integer next,
                    Instant expiresAt) {
        List<PartUrl> items = parts.isEmpty() ? List.of()
                : storage.signParts(asset.objectKey(), plan.startedId(), parts, expiresAt).stream()
                        .map(signed -> new PartUrl(signed.partNumber(), signed.url().toString(), signed.size()))
                        .toList();
        return new PartBatch(items, next, expiresAt.toString());
    }
}
