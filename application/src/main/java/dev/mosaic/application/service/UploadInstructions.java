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
        long id = asset.id().value();
        String key = asset.objectKey().value();
        String name = asset.fileName().value();
        String kind = asset.kind().wireName();
        if (!asset.isUploading()) {
            return new UploadInstruction.Settled(id, key, name, kind, expiresAt.toString(),
                    asset.isMultipart() ? "multipart" : "direct");
        }
        if (asset.plan() instanceof UploadPlan.Multipart multipart) {
            List<UploadPlan.Part> first = multipart.parts().subList(0, Math.min(batchSize, multipart.numParts()));
            return new UploadInstruction.Multipart(id, key, name, kind, expiresAt.toString(), multipart.startedId(),
                    multipart.partSize(), multipart.numParts(), batch(asset, multipart, first,
                            first.size() < multipart.numParts() ? first.size() + 1 : null, expiresAt));
        }
        SignedRequest put = storage.signPut(asset.objectKey(), asset.fileSize(), asset.contentType(), expiresAt);
        return new UploadInstruction.Direct(id, key, name, kind, expiresAt.toString(), put.location(),
                put.headers());
    }

    /** The parts' URLs; {@code next} is the first part after them that still needs one, if any. */
    PartBatch batch(Asset asset, UploadPlan.Multipart plan, List<UploadPlan.Part> parts, Integer next,
                    Instant expiresAt) {
        List<PartUrl> items = parts.isEmpty() ? List.of()
                : storage.signParts(asset.objectKey(), plan.startedId(), parts, expiresAt).stream()
                        .map(signed -> new PartUrl(signed.partNumber(), signed.location(), signed.size()))
                        .toList();
        return new PartBatch(items, next, expiresAt.toString());
    }
}
