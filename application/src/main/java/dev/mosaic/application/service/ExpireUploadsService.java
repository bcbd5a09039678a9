package dev.mosaic.application.service;

import dev.mosaic.application.port.in.ExpireUploadsUseCase;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetMove;
import java.time.Clock;
import java.util.List;

/** The janitor's pass: uploads past their deadline turn {@code expired} and their bytes go. */
public final class ExpireUploadsService implements ExpireUploadsUseCase {
    private static final int BATCH = 100;

    private final Messages messages;
    private final ObjectStorage storage;
    private final AssetChanges changes;
    private final Clock clock;

    public ExpireUploadsService(Messages messages, ObjectStorage storage, AssetChanges changes, Clock clock) {
        this.messages = messages;
        this.storage = storage;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public int expireDue() {
        List<Asset> due = messages.uploadsExpiredAt(clock.instant(), BATCH);
        int expired = 0;
        for (Asset asset : due) {
            AssetMove expiry = changes.apply(asset.id(), current -> current.expire(clock.instant()));
            if (expiry.moved()) {
                Uploads.discard(storage, expiry.asset());
                expired++;
            }
        }
        return expired;
    }
}
