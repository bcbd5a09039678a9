package dev.mosaic.application.service;

import dev.mosaic.application.port.in.SweepStorageUseCase;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.Messages.RetiredUpload;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.application.port.out.Unavailable;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Rendition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sweeps, by their known keys, the objects of assets past their upload, once no upload URL of theirs can
 * still be writing: {@code quiet} after the asset's last change (the upload URL lifetime plus a grace for
 * a PUT still streaming). So a late PUT to the URL of a sealed, cancelled, expired or failed asset, which
 * S3 and GCS cannot refuse, is deleted all the same, without ever listing the bucket.
 * <ul>
 *   <li>every asset: its multipart upload is aborted again (parts PUT after the first abort go) and the upload
 *       copy is deleted;</li>
 *   <li>an asset kept (processing or ready): the sealed copy stays; one without (uploaded before uploads were
 *       sealed) is sealed first, so its only copy is never lost;</li>
 *   <li>an asset not kept (cancelled, expired, failed): its sealed copy and renditions go too;</li>
 *   <li>the raw key (and multipart upload) of a file another replaced ({@link Messages#retire}): a late PUT to
 *       its old upload URL could re-create it after the replacement deleted it.</li>
 * </ul>
 */
public final class SweepStorageService implements SweepStorageUseCase {
    static final int BATCH = 100;
    private static final System.Logger LOG = System.getLogger(SweepStorageService.class.getName());

    private final Messages messages;
    private final ObjectStorage storage;
    private final Clock clock;
    private final Duration quiet;

    /** @param quiet how long after an asset's last change none of its upload URLs can still write */
    public SweepStorageService(Messages messages, ObjectStorage storage, Clock clock, Duration quiet) {
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("a sweep waits a positive time, not " + quiet);
        }
        this.messages = messages;
        this.storage = storage;
        this.clock = clock;
        this.quiet = quiet;
    }

    /**
     * One batch of assets, then one of retired uploads. An asset or retired upload whose sweep fails waits behind
     * the others (as if it had changed now): when storage or the database is down or busy (an outage,
     * {@link Unavailable}) the pass stops and the failure goes to the caller; any other failure is a fault of
     * Mosaic's, logged, and the pass goes on.
     */
    @Override
    public int sweepSettled() {
        Instant now = clock.instant();
        List<Asset> due = messages.unsweptBefore(now.minus(quiet), BATCH);
        for (Asset asset : due) {
            try {
                sweep(asset);
                messages.swept(asset);
            } catch (RuntimeException failure) {
                messages.sweepLater(asset, now);
                unlessAnOutage(failure, "asset " + asset.id());
            }
        }
        List<RetiredUpload> retired = messages.retiredBefore(now.minus(quiet), BATCH);
        for (RetiredUpload upload : retired) {
            try {
                upload.uploadId().ifPresent(id -> storage.abortMultipart(upload.key(), id));
                storage.delete(upload.key());
                messages.forget(upload);
            } catch (RuntimeException failure) {
                messages.retire(upload.at(now));
                unlessAnOutage(failure, "the replaced upload " + upload.key());
            }
        }
        return due.size() + retired.size();
    }

    /** Rethrows an outage (the caller tries again later); logs any other failure, a fault of Mosaic's. */
    private static void unlessAnOutage(RuntimeException failure, String what) {
        if (failure instanceof Unavailable outage) {
            throw outage;
        }
        LOG.log(System.Logger.Level.ERROR, "sweeping the stored objects of " + what + " failed; it is tried again"
                + " after the others", failure);
    }

    private void sweep(Asset asset) {
        ObjectKey raw = asset.objectKey();
        asset.multipart().ifPresent(plan -> storage.abortMultipart(raw, plan.startedId()));
        if (asset.isDownloadable()) {
            if (storage.stat(raw.sealed()).isPresent() || sealLegacy(raw)) {
                storage.delete(raw);
            }
            return;
        }
        storage.delete(raw);
        storage.delete(raw.sealed());
        for (Rendition rendition : asset.renditions()) {
            storage.delete(rendition.key());
        }
    }

    private boolean sealLegacy(ObjectKey raw) {
        boolean sealed = storage.seal(raw, raw.sealed());
        if (sealed) {
            LOG.log(System.Logger.Level.INFO, "sealed " + raw + ", uploaded before uploads were sealed");
        }
        return sealed;
    }
}
