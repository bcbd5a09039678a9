package dev.mosaic.application.service;

import dev.mosaic.application.port.in.ProcessAssetUseCase;
import dev.mosaic.application.port.out.MediaProcessor;
import dev.mosaic.application.port.out.MediaProcessor.MediaJob;
import dev.mosaic.application.port.out.MediaProcessor.MediaOutcome;
import dev.mosaic.application.port.out.MediaProcessor.RenditionFile;
import dev.mosaic.application.port.out.Messages;
import dev.mosaic.application.port.out.ObjectStorage;
import dev.mosaic.domain.Asset;
import dev.mosaic.domain.AssetId;
import dev.mosaic.domain.AssetKind;
import dev.mosaic.domain.MediaInfo;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Rendition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Drives the media processor's findings into stage changes: {@code thumbnail_ready} the moment a
 * thumbnail exists, {@code transcoding} with progress, then {@code ready} — or {@code failed}
 * when the file can never be processed. Files other than images and videos are ready at once.
 */
public final class ProcessAssetService implements ProcessAssetUseCase {
    private static final System.Logger LOG = System.getLogger(ProcessAssetService.class.getName());
    private final Messages messages;
    private final ObjectStorage storage;
    private final MediaProcessor media;
    private final AssetChanges changes;
    private final Clock clock;

    public ProcessAssetService(Messages messages, ObjectStorage storage, MediaProcessor media, AssetChanges changes,
                               Clock clock) {
        this.messages = messages;
        this.storage = storage;
        this.media = media;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void process(AssetId id) {
        Optional<Asset> found = messages.byAsset(id).flatMap(message -> message.asset(id));
        if (found.isEmpty() || !found.get().isBeingProcessed()) {
            return;
        }
        Asset asset = found.get();
        if (asset.kind() == AssetKind.FILE) {
            changes.apply(id, current -> current.ready(MediaInfo.NONE, List.of(), clock.instant()));
            return;
        }
        Path workDir = null;
        try (ObjectStorage.LocalCopy copy = sealedCopy(asset)) {
            workDir = Files.createTempDirectory("mosaic-asset-" + asset.id() + "-");
            LOG.log(System.Logger.Level.DEBUG, "asset {0} copy at hand", asset.id());
            MediaOutcome outcome = media.process(new MediaJob(asset.kind(), asset.contentType()), copy.path(),
                    workDir, new Listener(asset));
            settle(asset, outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(workDir);
        }
    }

    /**
     * The sealed copy, on this machine. An asset verified by a node of before uploads were sealed has none: it is
     * sealed here from its upload copy first (the janitor would seal it only a quiet time after its last change).
     */
    private ObjectStorage.LocalCopy sealedCopy(Asset asset) {
        ObjectKey sealed = asset.objectKey().sealed();
        try {
            return storage.localCopy(sealed);
        } catch (RuntimeException missing) {
            if (storage.stat(sealed).isPresent() || !storage.seal(asset.objectKey(), sealed)) {
                throw missing;
            }
            LOG.log(System.Logger.Level.INFO, "sealed " + asset.objectKey() + ", verified before uploads were sealed");
            return storage.localCopy(sealed);
        }
    }

    /** Stores the renditions (their files live only as long as the work folder) and ends the asset. */
    private void settle(Asset asset, MediaOutcome outcome) {
        if (outcome instanceof MediaOutcome.Processed processed) {
            List<Rendition> stored = processed.renditions().stream().map(file -> store(asset, file)).toList();
            changes.apply(asset.id(), current -> current.ready(processed.info(), stored, clock.instant()));
            LOG.log(System.Logger.Level.DEBUG, "asset {0} ready committed", asset.id());
        } else {
            String code = ((MediaOutcome.Rejected) outcome).refusal().code();
            changes.apply(asset.id(), current -> current.fail(code, clock.instant()));
            storage.delete(asset.objectKey().sealed());
        }
    }

    private Rendition store(Asset asset, RenditionFile file) {
        String extension = file.contentType().value().substring(file.contentType().value().indexOf('/') + 1)
                .replace("jpeg", "jpg");
        ObjectKey key = asset.objectKey().rendition(file.kind().wireName() + "." + extension);
        storage.put(key, file.file(), file.contentType());
        return new Rendition(file.kind(), key, file.contentType(), file.width(), file.height());
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless; the OS cleans its temp space
        }
    }

    /** Reports what the processor finds while it is still working. */
    private final class Listener implements MediaProcessor.MediaListener {
        private final Asset asset;

        Listener(Asset asset) {
            this.asset = asset;
        }

        @Override
        public void thumbnail(RenditionFile thumbnail, MediaInfo info) {
            Rendition stored = store(asset, thumbnail);
            LOG.log(System.Logger.Level.DEBUG, "asset {0} thumbnail stored", asset.id());
            changes.apply(asset.id(), current -> current.thumbnailReady(stored, info, clock.instant()));
            LOG.log(System.Logger.Level.DEBUG, "asset {0} thumbnail_ready committed", asset.id());
        }

        @Override
        public void progress(int percent) {
            changes.apply(asset.id(), current -> current.transcoding(percent, clock.instant()));
        }
    }
}
