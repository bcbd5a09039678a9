package dev.mosaic.application.service;

import dev.mosaic.application.port.in.CompleteUploadCommand;
import dev.mosaic.application.port.in.CompleteUploadUseCase;
import dev.mosaic.application.port.in.RequestRejected;
import dev.mosaic.application.port.in.RequestRejected.Reason;
import dev.mosaic.application.port.out.JobQueue;
import dev.mosaic.application.port.out.Leases;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.application.port.out.WorkSignal;
import dev.mosaic.application.view.AssetView;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetMove;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.MagicBytes;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.PartsCheck;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import java.time.Clock;
import java.util.Optional;

/**
 * Step 4: one file is uploaded. Multipart uploads are joined; then the stored object is checked
 * (exists, exact size, real type by its first bytes) before the asset moves to
 * {@code processing} and its job is queued, both in one transaction.
 */
public final class CompleteUploadService implements CompleteUploadUseCase {
    private static final System.Logger LOG = System.getLogger(CompleteUploadService.class.getName());

    private final OwnedAssets owned;
    private final ObjectStorage storage;
    private final AssetChanges changes;
    private final JobQueue jobs;
    private final WorkSignal workSignal;
    private final Views views;
    private final Clock clock;
    private final CompletionClaims claims;

    public CompleteUploadService(Messages messages, ObjectStorage storage, AssetChanges changes, JobQueue jobs,
                                 WorkSignal workSignal, Views views, Leases leases, Clock clock) {
        this.owned = new OwnedAssets(messages);
        this.storage = storage;
        this.changes = changes;
        this.jobs = jobs;
        this.workSignal = workSignal;
        this.views = views;
        this.clock = clock;
        this.claims = new CompletionClaims(leases, clock);
    }

    @Override
    public AssetView complete(CompleteUploadCommand command) {
        Asset asset = owned.find(command.user(), command.asset());
        if (!asset.isUploading()) {
            return answer(asset.complete(clock.instant()));
        }
        // concurrent and repeated completions of one upload: one joins and checks, the others answer its result
        return claims.exclusively(asset.id(), () -> settled(command), () -> completeUploading(command));
    }

    private Optional<AssetView> settled(CompleteUploadCommand command) {
        Asset current = owned.find(command.user(), command.asset());
        return current.isUploading() ? Optional.empty() : Optional.of(answer(current.complete(clock.instant())));
    }

    private AssetView completeUploading(CompleteUploadCommand command) {
        Asset asset = owned.find(command.user(), command.asset());
        if (asset.plan() instanceof UploadPlan.Multipart multipart) {
            joinParts(asset, multipart, command);
        }
        sealAndVerify(asset);
        AssetMove processing = changes.apply(asset.id(), current -> current.complete(clock.instant()),
                moved -> jobs.enqueue(new JobQueue.Job(JobQueue.Kind.PROCESS_ASSET, moved.id()), clock.instant()));
        if (processing.moved()) {
            LOG.log(System.Logger.Level.DEBUG, "asset {0} queued for processing", asset.id());
            workSignal.workAvailable();
            dropUploadedCopy(asset);
        }
        return answer(processing);
    }

    /** Completing again answers the current state; a cancelled or expired upload cannot complete. */
    private AssetView answer(AssetMove move) {
        if (move instanceof AssetMove.Refused refused && refused.why() == AssetMove.Why.NOT_ALLOWED) {
            throw new RequestRejected(Reason.CONFLICT, "upload_not_active",
                    "this upload was " + refused.asset().stage().wireName());
        }
        return views.asset(move.asset());
    }

    private void joinParts(Asset asset, UploadPlan.Multipart plan, CompleteUploadCommand command) {
        if (command.uploadId() == null) {
            throw new RequestRejected(Reason.INVALID, "upload_id_missing", "a multipart completion names its upload_id");
        }
        if (!command.uploadId().equals(plan.startedId())) {
            throw new RequestRejected(Reason.UNPROCESSABLE, "upload_id_mismatch",
                    "upload_id is not the one given for this asset");
        }
        if (CompletionRules.check(plan, command.parts()) instanceof PartsCheck.Refused refused) {
            throw new RequestRejected(Reason.UNPROCESSABLE, refused.refusal());
        }
        MultipartOutcome outcome = storage.completeMultipart(asset.objectKey(), plan.startedId(), plan,
                command.parts());
        if (outcome instanceof MultipartOutcome.Refused refused) {
            throw new RequestRejected(Reason.UNPROCESSABLE, refused.refusal());
        }
        if (outcome instanceof MultipartOutcome.NoSuchUpload && storage.stat(asset.objectKey()).isEmpty()) {
            throw new RequestRejected(Reason.CONFLICT, "upload_not_found",
                    "storage knows no such multipart upload; it was aborted or has expired");
        }
    }

    /**
     * Seals the upload first (a copy inside the store to a key no URL was signed for), then checks the
     * sealed copy: what is verified is what gets processed and served, whatever the client PUTs later.
     */
    private void sealAndVerify(Asset asset) {
        ObjectKey sealed = asset.objectKey().sealed();
        if (!storage.seal(asset.objectKey(), sealed)) {
            throw new RequestRejected(Reason.CONFLICT, "object_not_uploaded",
                    "the file has not been uploaded yet; PUT it to the upload URL first");
        }
        var stored = storage.stat(sealed).orElseThrow(() -> new IllegalStateException("sealed " + sealed + " is gone"));
        if (stored.size() != asset.fileSize()) {
            failAndRefuse(asset, new Refusal("size_mismatch",
                    "uploaded " + stored.size() + " bytes, declared " + asset.fileSize()));
        }
        if (!MagicBytes.agrees(asset.kind(), asset.contentType(), storage.readHead(sealed, MagicBytes.HEAD_LENGTH))) {
            failAndRefuse(asset, new Refusal("content_type_mismatch",
                    "the file's content is not " + asset.contentType()));
        }
    }

    /** Only the sealed copy counts from now on; a failed delete leaves the raw one behind. */
    private void dropUploadedCopy(Asset asset) {
        try {
            storage.delete(asset.objectKey());
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "could not delete the uploaded copy " + asset.objectKey()
                    + " after sealing it: " + failure);
        }
    }

    /** Bytes that are not what was declared never get processed: the asset fails and the object goes. */
    private void failAndRefuse(Asset asset, Refusal refusal) {
        if (!changes.apply(asset.id(), current -> current.reject(refusal.code(), clock.instant())).moved()) {
            // another completion got there first and verified what it saw: leave its object alone
            return;
        }
        storage.delete(asset.objectKey().sealed());
        storage.delete(asset.objectKey());
        throw new RequestRejected(Reason.UNPROCESSABLE, refusal);
    }
}
