package dev.mosaic.application.service;

import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.domain.Asset;

/** Storage clean-up shared by cancel and expiry. */
final class Uploads {

    private Uploads() {
    }

    /** Drops whatever bytes an unfinished upload left: its multipart upload and any object. */
    static void discard(ObjectStorage storage, Asset asset) {
        asset.multipart().ifPresent(plan -> storage.abortMultipart(asset.objectKey(), plan.startedId()));
        storage.delete(asset.objectKey());
    }
}
