package dev.mosaic.application.service;

import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.domain.Asset;

/** Storage clean-up shared by cancel, expiry and replace. */
final class Uploads {

    private Uploads() {
    }

    /** Drops whatever bytes an unfinished upload left: its multipart upload and any object. */
    static void discard(ObjectStorage storage, Asset asset) {
        asset.multipart().ifPresent(plan -> storage.abortMultipart(asset.objectKey(), plan.startedId()));
        storage.delete(asset.objectKey());
    }

    /**
     * Drops every object of a settled file nothing serves any more (a retried cell's old file): upload, sealed
     * copy, renditions. Its multipart upload, if any, was completed or aborted when it settled.
     */
    static void discardAll(ObjectStorage storage, Asset asset) {
        asset.storedObjects().forEach(storage::delete);
    }
}
