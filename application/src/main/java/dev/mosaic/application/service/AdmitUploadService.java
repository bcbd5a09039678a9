package dev.mosaic.application.service;

import dev.mosaic.application.port.in.AdmitUploadUseCase;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.ObjectKey;

/** Admits bytes for an upload key only while its asset waits for them. */
public final class AdmitUploadService implements AdmitUploadUseCase {
    private final Messages messages;

    public AdmitUploadService(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void admit(ObjectKey key) {
        Asset asset = messages.byObjectKey(key)
                .flatMap(message -> message.assets().stream().filter(each -> each.objectKey().equals(key)).findFirst())
                .orElseThrow(() -> new RequestRejected(Reason.NOT_FOUND, "upload_not_found",
                        "no upload is waiting for these bytes"));
        if (!asset.isUploading()) {
            throw new RequestRejected(Reason.CONFLICT, "upload_not_active",
                    "this upload is " + asset.stage().wireName() + "; its URL takes no more bytes");
        }
    }
}
