package dev.mosaic.adapters.storage.gcs;

import dev.mosaic.adapters.storage.BucketStore;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.Storage.ComposeRequest;
import com.google.cloud.storage.StorageException;
import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Multipart uploads as GCS parallel composite uploads: each part is a temporary object the client PUTs
 * with a signed URL; completion checks the parts GCS lists against the plan and the client's ETags,
 * composes them (at most 32 a call, in a tree) into the object, and deletes the temporaries. A
 * manifest object records that the upload is open and for which key.
 */
record CompositeUploads(Storage storage, String bucket, SecureRandom random) implements BucketStore.Uploads {

    static final String KEY_METADATA = "mosaic-key";
    static final String TYPE_METADATA = "mosaic-content-type";
    private static final int SWEEPS = 3;
    private static final System.Logger LOG = System.getLogger(CompositeUploads.class.getName());

    @Override
    public String start(ObjectKey key, ContentType type) {
        UploadNames names = UploadNames.fresh(random);
        BlobInfo manifest = BlobInfo.newBuilder(bucket, names.manifest())
                .setMetadata(Map.of(KEY_METADATA, key.value(), TYPE_METADATA, type.value()))
                .build();
        GcsFailures.call("creating the manifest of an upload to " + key,
                () -> storage.create(manifest, new byte[0], BlobTargetOption.doesNotExist()));
        return names.uploadId();
    }

    @Override
    public MultipartOutcome complete(ObjectKey key, String uploadId, UploadPlan.Multipart plan, List<CompletedPart> claimed) {
        Optional<OpenUpload> upload = open(key, uploadId);
        if (upload.isEmpty()) {
            return new MultipartOutcome.NoSuchUpload();
        }
        UploadNames names = upload.get().names();
        Listed stored = storedParts(names);
        Optional<Refusal> refusal = CompletionRules.checkUploaded(plan, claimed, stored.parts());
        if (refusal.isPresent()) {
            return new MultipartOutcome.Refused(refusal.get());
        }
        try {
            compose(names, plan, stored, BlobInfo.newBuilder(bucket, key.value())
                    .setContentType(upload.get().type().value()).build());
        } catch (StorageException e) {
            if (!GcsFailures.isNotFound(e)) {
                throw GcsFailures.failed("composing the parts of " + key, e);
            }
            return open(key, uploadId).isEmpty() ? new MultipartOutcome.NoSuchUpload()
                    : new MultipartOutcome.Refused(new Refusal("etag_mismatch",
                            "a part was replaced or removed while the upload completed"));
        }
        closeQuietly(names);
        return new MultipartOutcome.Completed(plan.fileSize());
    }

    /** The parts' ETags as the XML API answered their PUTs: the quoted hex MD5. */
    @Override
    public Optional<List<UploadedPart>> list(ObjectKey key, String uploadId) {
        return open(key, uploadId).map(upload -> storedParts(upload.names()).parts().values().stream()
                .map(part -> part.etag().isEmpty() ? part
                        : new UploadedPart(part.number(), part.size(), "\"" + part.etag() + "\""))
                .toList());
    }

    /**
     * Drops the manifest first (from then on the upload is unknown), then sweeps the temporaries again
     * while parts still in flight land. An upload of another key is left alone.
     */
    @Override
    public void abort(ObjectKey key, String uploadId) {
        Optional<UploadNames> names = UploadNames.parse(uploadId);
        if (names.isEmpty()) {
            return;
        }
        Blob manifest = GcsFailures.call("reading the manifest of upload " + uploadId,
                () -> storage.get(BlobId.of(bucket, names.get().manifest())));
        if (manifest != null && !isFor(manifest, key)) {
            return;
        }
        GcsFailures.call("deleting the manifest of upload " + uploadId,
                () -> storage.delete(BlobId.of(bucket, names.get().manifest())));
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            if (deleteTemporaries(names.get()) == 0) {
                return;
            }
        }
        LOG.log(System.Logger.Level.WARNING, "upload {0} of {1} still has temporaries after {2} sweeps; "
                + "the bucket''s lifecycle rule on tmp/ removes them", uploadId, key, SWEEPS);
    }

    private Optional<OpenUpload> open(ObjectKey key, String uploadId) {
        Optional<UploadNames> names = UploadNames.parse(uploadId);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Blob manifest = GcsFailures.call("reading the manifest of upload " + uploadId,
                () -> storage.get(BlobId.of(bucket, names.get().manifest())));
        if (manifest == null || !isFor(manifest, key)) {
            return Optional.empty();
        }
        ContentType type = ContentType.parse(manifest.getMetadata().get(TYPE_METADATA))
                .orElse(ContentType.OCTET_STREAM);
        return Optional.of(new OpenUpload(names.get(), type));
    }

    private static boolean isFor(Blob manifest, ObjectKey key) {
        return manifest.getMetadata() != null && key.value().equals(manifest.getMetadata().get(KEY_METADATA));
    }

    /**
     * The parts' temporary objects as GCS lists them: their size and MD5 (the ETag the XML API answered
     * the part's PUT with; empty when GCS keeps none), and the generation each was read at.
     */
    private record Listed(Map<Integer, UploadedPart> parts, Map<Integer, Long> generations) {
    }

    private Listed storedParts(UploadNames names) {
        return GcsFailures.call("listing the parts of upload " + names.uploadId(), () -> {
            Map<Integer, UploadedPart> parts = new TreeMap<>();
            Map<Integer, Long> generations = new TreeMap<>();
            for (Blob blob : storage.list(bucket, BlobListOption.prefix(names.partPrefix())).iterateAll()) {
                names.partNumberOf(blob.getName()).ifPresent(number -> {
                    parts.put(number, new UploadedPart(number, blob.getSize() == null ? 0 : blob.getSize(),
                            Optional.ofNullable(blob.getMd5ToHexString()).orElse("")));
                    if (blob.getGeneration() != null) {
                        generations.put(number, blob.getGeneration());
                    }
                });
            }
            return new Listed(parts, generations);
        });
    }

    /** The parts as checked: each source pinned to the generation whose size and MD5 passed. */
    private void compose(UploadNames names, UploadPlan.Multipart plan, Listed stored, BlobInfo target) {
        Map<String, Long> generations = new TreeMap<>();
        List<String> sources = new ArrayList<>();
        for (UploadPlan.Part part : plan.parts()) {
            String source = names.part(part.number());
            sources.add(source);
            Long generation = stored.generations().get(part.number());
            if (generation != null) {
                generations.put(source, generation);
            }
        }
        for (ComposeTree.Step step : ComposeTree.steps(sources, target.getName(), names::intermediate)) {
            ComposeRequest.Builder request = ComposeRequest.newBuilder().setTarget(step.target().equals(target.getName())
                    ? target : BlobInfo.newBuilder(bucket, step.target()).build());
            for (String source : step.sources()) {
                Long generation = generations.get(source);
                if (generation == null) {
                    request.addSource(source);
                } else {
                    request.addSource(source, generation);
                }
            }
            storage.compose(request.build());
        }
    }

    /** The object is complete: a failure to tidy up is for the lifecycle rule, not the client. */
    private void closeQuietly(UploadNames names) {
        try {
            storage.delete(BlobId.of(bucket, names.manifest()));
            deleteTemporaries(names);
        } catch (StorageException e) {
            LOG.log(System.Logger.Level.WARNING, "upload " + names.uploadId() + " completed but its temporaries "
                    + "were not all deleted; the bucket's lifecycle rule on tmp/ removes them", e);
        }
    }

    /** Deletes what is under the upload's prefix, in batches; answers how many objects it found. */
    private int deleteTemporaries(UploadNames names) {
        List<BlobId> found = GcsFailures.call("listing the temporaries of upload " + names.uploadId(), () -> {
            List<BlobId> ids = new ArrayList<>();
            for (Blob blob : storage.list(bucket, BlobListOption.prefix(names.prefix())).iterateAll()) {
                ids.add(BlobId.of(bucket, blob.getName()));
            }
            return ids;
        });
        if (!found.isEmpty()) {
            GcsFailures.call("deleting the temporaries of upload " + names.uploadId(), () -> storage.delete(found));
        }
        return found.size();
    }

    private record OpenUpload(UploadNames names, ContentType type) {
    }
}
