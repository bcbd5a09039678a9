package dev.mosaic.adapters.storage.s3;

import dev.mosaic.adapters.storage.BucketStore;
import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.domain.CompletedPart;
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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * S3 multipart uploads checked against the plan: the store's own ListParts decides what was
 * uploaded, never the client's word alone.
 */
record MultipartUploads(S3Client client, String bucket, int listPageSize) implements BucketStore.Uploads {

    private static final int ABORT_ATTEMPTS = 3;

    @Override
    public String start(ObjectKey key, ContentType type) {
        return S3Failures.OUTAGES.call("CreateMultipartUpload of " + key, () -> client.createMultipartUpload(
                CreateMultipartUploadRequest.builder().bucket(bucket).key(key.value()).contentType(type.value()).build())
                .uploadId());
    }

    @Override
    public MultipartOutcome complete(ObjectKey key, String uploadId, UploadPlan.Multipart plan, List<CompletedPart> claimed) {
        Optional<List<UploadedPart>> listed = list(key, uploadId);
        if (listed.isEmpty()) {
            return new MultipartOutcome.NoSuchUpload();
        }
        Map<Integer, UploadedPart> stored = new TreeMap<>();
        listed.get().forEach(part -> stored.put(part.number(), part));
        if (CompletionRules.checkUploaded(plan, claimed, stored) instanceof PartsCheck.Refused refused) {
            return new MultipartOutcome.Refused(refused.refusal());
        }
        return join(key, uploadId, plan, stored);
    }

    @Override
    public Optional<List<UploadedPart>> list(ObjectKey key, String uploadId) {
        Map<Integer, UploadedPart> stored;
        try {
            stored = StoredParts.list(client, bucket, key.value(), uploadId, listPageSize);
        } catch (SdkException e) {
            if (S3Failures.hasCode(e, S3Failures.NO_SUCH_UPLOAD)) {
                return Optional.empty();
            }
            throw S3Failures.OUTAGES.failed("ListParts of " + key, e);
        }
        if (stored.isEmpty() && !isOpen(key, uploadId)) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(stored.values()));
    }

    /**
     * S3 answers ListParts of an unknown upload with {@code NoSuchUpload}; some compatible stores
     * (S3Proxy among them) with an empty list, which only the list of open uploads tells apart.
     */
    private boolean isOpen(ObjectKey key, String uploadId) {
        return S3Failures.OUTAGES.call("ListMultipartUploads of " + key, () -> client
                .listMultipartUploadsPaginator(request -> request.bucket(bucket).prefix(key.value()))
                .uploads().stream()
                .anyMatch(upload -> key.value().equals(upload.key()) && uploadId.equals(upload.uploadId())));
    }

    /** Ascending by number, each with the ETag the store listed. */
    private MultipartOutcome join(ObjectKey key, String uploadId, UploadPlan.Multipart plan,
                                  Map<Integer, UploadedPart> stored) {
        CompletedMultipartUpload parts = CompletedMultipartUpload.builder().parts(plan.parts().stream()
                .map(part -> software.amazon.awssdk.services.s3.model.CompletedPart.builder()
                        .partNumber(part.number()).eTag(stored.get(part.number()).etag()).build())
                .toList()).build();
        try {
            client.completeMultipartUpload(request -> request
                    .bucket(bucket).key(key.value()).uploadId(uploadId).multipartUpload(parts));
            return new MultipartOutcome.Completed(plan.fileSize());
        } catch (SdkException e) {
            return afterFailedCompletion(key, e);
        }
    }

    /**
     * A {@code 200} whose body is an {@code <Error>} reaches here as an exception too: the SDK reads
     * the body. Only S3's 4xx verdicts on the parts are the client's fault; the rest may pass on retry.
     */
    private static MultipartOutcome afterFailedCompletion(ObjectKey key, SdkException e) {
        if (S3Failures.hasCode(e, S3Failures.NO_SUCH_UPLOAD)) {
            return new MultipartOutcome.NoSuchUpload();
        }
        if (S3Failures.isStatus(e, 400) && S3Failures.hasCode(e, "InvalidPart")) {
            return new MultipartOutcome.Refused(new Refusal("etag_mismatch", "the store no longer has a listed part"));
        }
        if (S3Failures.isStatus(e, 400) && S3Failures.hasCode(e, "EntityTooSmall")) {
            return new MultipartOutcome.Refused(new Refusal("part_size_mismatch",
                    "a part other than the last is smaller than the store accepts"));
        }
        throw S3Failures.OUTAGES.failed("CompleteMultipartUpload of " + key, e);
    }

    /**
     * Aborts, then asks ListParts: S3 may still hold a part whose upload was in flight, in which case
     * its documentation says to abort again. An upload S3 no longer knows (aborted or completed before) is done:
     * S3 refuses parts for it, so there is nothing left to drop.
     */
    @Override
    public void abort(ObjectKey key, String uploadId) {
        int partsLeft = 0;
        for (int attempt = 0; attempt < ABORT_ATTEMPTS; attempt++) {
            try {
                client.abortMultipartUpload(request -> request.bucket(bucket).key(key.value()).uploadId(uploadId));
            } catch (SdkException e) {
                if (!S3Failures.hasCode(e, S3Failures.NO_SUCH_UPLOAD)) {
                    throw S3Failures.OUTAGES.failed("AbortMultipartUpload of " + key, e);
                }
                return;
            }
            try {
                partsLeft = StoredParts.list(client, bucket, key.value(), uploadId, listPageSize).size();
            } catch (SdkException e) {
                if (S3Failures.hasCode(e, S3Failures.NO_SUCH_UPLOAD)) {
                    return;
                }
                throw S3Failures.OUTAGES.failed("ListParts after aborting " + key, e);
            }
            if (partsLeft == 0) {
                return;
            }
        }
        throw new UncheckedIOException(new IOException("S3 still holds " + partsLeft + " parts of the aborted upload "
                + uploadId + " of " + key));
    }
}
