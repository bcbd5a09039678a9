package dev.mosaic.adapters.storage.gcs;

import com.google.cloud.storage.MultipartUploadClient;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.multipartupload.model.AbortMultipartUploadRequest;
import com.google.cloud.storage.multipartupload.model.CompleteMultipartUploadRequest;
import com.google.cloud.storage.multipartupload.model.CompletedMultipartUpload;
import com.google.cloud.storage.multipartupload.model.CompletedPart;
import com.google.cloud.storage.multipartupload.model.CreateMultipartUploadRequest;
import com.google.cloud.storage.multipartupload.model.ListPartsRequest;
import com.google.cloud.storage.multipartupload.model.ListPartsResponse;
import com.google.cloud.storage.multipartupload.model.Part;
import dev.mosaic.adapters.storage.BucketStore;
import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.ContentType;
import dev.mosaic.domain.ObjectKey;
import dev.mosaic.domain.PartsCheck;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Multipart uploads as GCS's XML API multipart uploads (S3's shape: initiate, part PUTs answering ETags,
 * list parts, one completion, abort), through google-cloud-storage's {@link MultipartUploadClient}. Before
 * completing, the parts GCS lists are checked against the plan and the client's ETags: GCS's word, never
 * the client's alone.
 */
record XmlMultipartUploads(MultipartUploadClient client, String bucket, int listPageSize) implements BucketStore.Uploads {

    /** GCS, like S3, answers at most 1,000 parts a page; an upload has up to 10,000. */
    static final int MAX_PAGE = 1000;

    @Override
    public String start(ObjectKey key, ContentType type) {
        return GcsFailures.OUTAGES.call("initiating a multipart upload of " + key, () -> client.createMultipartUpload(
                CreateMultipartUploadRequest.builder().bucket(bucket).key(key.value()).contentType(type.value()).build())
                .uploadId());
    }

    @Override
    public MultipartOutcome complete(ObjectKey key, String uploadId, UploadPlan.Multipart plan,
                                     List<dev.mosaic.domain.CompletedPart> claimed) {
        Optional<Map<Integer, UploadedPart>> stored = storedParts(key, uploadId);
        if (stored.isEmpty()) {
            return new MultipartOutcome.NoSuchUpload();
        }
        if (CompletionRules.checkUploaded(plan, claimed, stored.get()) instanceof PartsCheck.Refused refused) {
            return new MultipartOutcome.Refused(refused.refusal());
        }
        CompletedMultipartUpload parts = CompletedMultipartUpload.builder().parts(plan.parts().stream()
                .map(part -> CompletedPart.builder().partNumber(part.number())
                        .eTag(stored.get().get(part.number()).etag()).build())
                .toList()).build();
        try {
            client.completeMultipartUpload(CompleteMultipartUploadRequest.builder()
                    .bucket(bucket).key(key.value()).uploadId(uploadId).multipartUpload(parts).build());
            return new MultipartOutcome.Completed(plan.fileSize());
        } catch (StorageException e) {
            return afterFailedCompletion(key, e);
        }
    }

    @Override
    public Optional<List<UploadedPart>> list(ObjectKey key, String uploadId) {
        return storedParts(key, uploadId).map(parts -> List.copyOf(parts.values()));
    }

    /**
     * The parts GCS holds for the upload, by number, through every page of its list; empty when GCS knows
     * no such upload of this key (never started, completed, aborted, or started for another key).
     */
    Optional<Map<Integer, UploadedPart>> storedParts(ObjectKey key, String uploadId) {
        Map<Integer, UploadedPart> parts = new TreeMap<>();
        Integer marker = null;
        while (true) {
            ListPartsResponse page;
            try {
                page = client.listParts(ListPartsRequest.builder().bucket(bucket).key(key.value()).uploadId(uploadId)
                        .maxParts(listPageSize).partNumberMarker(marker).build());
            } catch (StorageException e) {
                if (GcsFailures.isNoSuchUpload(e)) {
                    return Optional.empty();
                }
                throw GcsFailures.OUTAGES.failed("listing the parts of " + key, e);
            }
            for (Part part : Optional.ofNullable(page.parts()).orElse(List.of())) {
                parts.put(part.partNumber(), new UploadedPart(part.partNumber(), part.size(), part.eTag()));
            }
            if (!page.truncated()) {
                return Optional.of(parts);
            }
            int next = page.nextPartNumberMarker();
            if (marker != null && next <= marker || next <= 0) {
                throw new UncheckedIOException(new IOException("GCS listed the parts of " + key
                        + " as truncated but gave no next marker after " + marker));
            }
            marker = next;
        }
    }

    /** GCS's 4xx verdicts on the parts are the client's; an upload gone meanwhile is no upload. */
    private static MultipartOutcome afterFailedCompletion(ObjectKey key, StorageException e) {
        if (GcsFailures.isNoSuchUpload(e)) {
            return new MultipartOutcome.NoSuchUpload();
        }
        int status = GcsFailures.status(e);
        if (status == 400 && GcsFailures.hasXmlCode(e, "InvalidPart")) {
            return new MultipartOutcome.Refused(new Refusal("etag_mismatch", "the store no longer has a listed part"));
        }
        if (status == 400 && GcsFailures.hasXmlCode(e, "EntityTooSmall")) {
            return new MultipartOutcome.Refused(new Refusal("part_size_mismatch",
                    "a part other than the last is smaller than the store accepts"));
        }
        throw GcsFailures.OUTAGES.failed("completing the multipart upload of " + key, e);
    }

    /** Unknown uploads (already completed or aborted, or of another key) are left as they are. */
    @Override
    public void abort(ObjectKey key, String uploadId) {
        try {
            client.abortMultipartUpload(AbortMultipartUploadRequest.builder()
                    .bucket(bucket).key(key.value()).uploadId(uploadId).build());
        } catch (StorageException e) {
            if (!GcsFailures.isNoSuchUpload(e)) {
                throw GcsFailures.OUTAGES.failed("aborting the multipart upload of " + key, e);
            }
        }
    }
}
