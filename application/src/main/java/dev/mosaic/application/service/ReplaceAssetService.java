package dev.mosaic.application.service;

import dev.mosaic.application.port.in.ReplaceAssetCommand;
import dev.mosaic.application.port.in.ReplaceAssetUseCase;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.IdempotencyKeys;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.Messages.RetiredUpload;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.view.UploadInstruction;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetMove;
import dev.mosaic.domain.MessageId;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Replacement;
import dev.mosaic.domain.Stage;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UserId;
import java.time.Clock;
import java.time.Instant;

/**
 * Another file for one cell of an album, for its sender only: a failed, cancelled or expired cell is retried
 * (the old file's objects are deleted at once), a ready one swapped (the old file's objects go once the new
 * file settles). The asset keeps its id and place and moves back to {@code uploading} in one transaction
 * with its event; the answer is the new file's upload instruction, under a new object key.
 */
public final class ReplaceAssetService implements ReplaceAssetUseCase {
    private static final System.Logger LOG = System.getLogger(ReplaceAssetService.class.getName());

    private final MosaicSettings settings;
    private final AttachmentRules rules;
    private final OwnedAssets owned;
    private final Messages messages;
    private final ObjectStorage storage;
    private final AssetChanges changes;
    private final IdempotencyClaims idempotency;
    private final UploadInstructions instructions;
    private final QuotaGuard quota;
    private final Clock clock;

    public ReplaceAssetService(MosaicSettings settings, Messages messages, IdempotencyKeys idempotency,
                               ObjectStorage storage, AssetChanges changes, Clock clock) {
        this.settings = settings;
        this.rules = new AttachmentRules(settings.policy());
        this.owned = new OwnedAssets(messages);
        this.messages = messages;
        this.storage = storage;
        this.changes = changes;
        this.idempotency = new IdempotencyClaims(idempotency, clock);
        this.instructions = new UploadInstructions(storage);
        this.quota = new QuotaGuard(messages);
        this.clock = clock;
    }

    @Override
    public UploadInstruction replace(ReplaceAssetCommand command) {
        UserId sender = command.sender();
        String key = command.idempotencyKey();
        if (key != null && !idempotency.claim(sender, key, command.fingerprint())) {
            return replayed(command);
        }
        try {
            return replaceOnce(command);
        } catch (RuntimeException failure) {
            if (key != null) {
                idempotency.release(sender, key);
            }
            throw failure;
        }
    }

    private UploadInstruction replaceOnce(ReplaceAssetCommand command) {
        Asset asset = owned.find(command.sender(), command.asset());
        AttachmentRules.Checked file = rules.check("", command.file());
        if (!asset.canBeReplaced()) {
            throw busy(asset);
        }
        Instant now = clock.instant();
        enforceQuota(command.sender(), file, now);
        ObjectKey key = asset.objectKey().nextGeneration(file.fileName());
        UploadPlan plan = file.plan() instanceof UploadPlan.Multipart multipart
                ? multipart.startedAs(storage.startMultipart(key, file.contentType()))
                : file.plan();
        Replacement replacement = new Replacement(file.kind(), file.fileName(), file.contentType(), key, plan,
                file.hints(), file.text(), now.plus(settings.uploadDeadline()));
        AssetMove move;
        try {
            move = changes.apply(asset.id(), current -> current.replace(replacement, now), moved -> {
                // the old file's upload URLs may still write; the sweep deletes what they write once none can
                messages.retire(new RetiredUpload(asset.objectKey(),
                        asset.multipart().map(UploadPlan.Multipart::startedId), now));
                if (command.idempotencyKey() != null) {
                    idempotency.complete(command.sender(), command.idempotencyKey(), moved.messageId());
                }
            });
        } catch (RuntimeException failure) {
            abandon(replacement, failure);
            throw failure;
        }
        if (move instanceof AssetMove.Refused refused) {
            abandon(replacement, null);
            throw busy(refused.asset());
        }
        if (asset.stage() != Stage.READY) {
            discardQuietly(asset);
        }
        return instruction(move.asset());
    }

    /** The same request again: the cell's instruction as it is now (a new file's URLs, or none once it has moved on). */
    private UploadInstruction replayed(ReplaceAssetCommand command) {
        MessageId made = idempotency.replayed(command.sender(), command.idempotencyKey(), command.fingerprint());
        Asset asset = messages.byId(made).flatMap(message -> message.assets().stream()
                        .filter(candidate -> command.asset().assetId() != null
                                ? candidate.id().value() == command.asset().assetId()
                                : ObjectKey.parse(command.asset().objectKey())
                                        .map(named -> candidate.objectKey().sameAsset(named)).orElse(false))
                        .findFirst())
                .orElseThrow(() -> new IllegalStateException("idempotency key names a missing asset"));
        return instruction(asset);
    }

    private UploadInstruction instruction(Asset asset) {
        return instructions.forAsset(asset, clock.instant().plus(settings.uploadUrlTtl()), settings.firstPartBatch());
    }

    private void enforceQuota(UserId sender, AttachmentRules.Checked file, Instant now) {
        quota.enforce(sender, now, usage -> settings.quota().checkUploads(usage, 1, file.plan().fileSize()));
    }

    private static RequestRejected busy(Asset asset) {
        if (asset.isUploading()) {
            return new RequestRejected(Reason.CONFLICT, "asset_uploading",
                    "this file is still uploading: cancel it first (POST /api/v1/files/upload/abort/), then replace it");
        }
        if (asset.isBeingProcessed()) {
            return new RequestRejected(Reason.CONFLICT, "asset_processing",
                    "this file is being processed: replace it once it is ready or has failed");
        }
        return new RequestRejected(Reason.CONFLICT, "asset_replaced",
                "another file replaced this one meanwhile: read the message and try again");
    }

    /** A replacement that was not stored leaves nothing behind: its multipart upload is aborted. */
    private void abandon(Replacement replacement, RuntimeException cause) {
        if (replacement.plan() instanceof UploadPlan.Multipart multipart) {
            try {
                storage.abortMultipart(replacement.objectKey(), multipart.startedId());
            } catch (RuntimeException abortFailure) {
                if (cause == null) {
                    throw abortFailure;
                }
                cause.addSuppressed(abortFailure);
            }
        }
    }

    /** A retried cell's old file is served by nothing: its objects go at once (a failure only leaves them). */
    private void discardQuietly(Asset old) {
        try {
            Uploads.discardAll(storage, old);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "could not delete the replaced file of asset " + old.id() + ": "
                    + failure);
        }
    }
}
