package dev.mosaic.application.service;

import dev.mosaic.application.port.in.AbortUploadCommand;
import dev.mosaic.application.port.in.AbortUploadUseCase;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetMove;
import java.time.Clock;

/** Cancels an upload still in flight: the asset turns {@code cancelled} and its bytes go. */
public final class AbortUploadService implements AbortUploadUseCase {
    private final OwnedAssets owned;
    private final ObjectStorage storage;
    private final AssetChanges changes;
    private final Views views;
    private final Clock clock;

    public AbortUploadService(Messages messages, ObjectStorage storage, AssetChanges changes, Views views,
                              Clock clock) {
        this.owned = new OwnedAssets(messages);
        this.storage = storage;
        this.changes = changes;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public AssetView abort(AbortUploadCommand command) {
        Asset asset = owned.find(command.user(), command.asset());
        AssetMove cancel = changes.apply(asset.id(), current -> current.cancel(clock.instant()));
        if (cancel instanceof AssetMove.Refused refused && refused.why() == AssetMove.Why.NOT_ALLOWED) {
            throw new RequestRejected(Reason.CONFLICT, "upload_not_active",
                    "this upload is already " + refused.asset().stage().wireName() + " and cannot be cancelled");
        }
        // cancelling again also retries the clean-up, should the first one have failed
        Uploads.discard(storage, cancel.asset());
        return views.asset(cancel.asset());
    }
}
