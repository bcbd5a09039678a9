package dev.mosaic.adapters.storage.s3;

import dev.mosaic.domain.UploadedPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListPartsRequest;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * The parts S3 holds for one upload, read through every page of ListParts. Paged by hand rather
 * than with the SDK's paginator so that a store whose marker does not move fails instead of looping.
 */
final class StoredParts {

    /** S3 answers at most 1,000 parts a page; an upload has up to 10,000. */
    static final int MAX_PAGE = 1000;

    private StoredParts() {
    }

    /** By part number; throws the SDK's exception ({@code NoSuchUpload}) when the upload is unknown. */
    static Map<Integer, UploadedPart> list(S3Client client, String bucket, String key, String uploadId,
                                         int pageSize) {
        Map<Integer, UploadedPart> parts = new TreeMap<>();
        Integer marker = null;
        while (true) {
            ListPartsResponse page = client.listParts(ListPartsRequest.builder()
                    .bucket(bucket).key(key).uploadId(uploadId).maxParts(pageSize).partNumberMarker(marker).build());
            for (Part part : page.parts()) {
                parts.put(part.partNumber(), new UploadedPart(part.partNumber(), part.size(), part.eTag()));
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return parts;
            }
            Integer next = page.nextPartNumberMarker();
            if (next == null || marker != null && next <= marker) {
                throw new UncheckedIOException(new IOException(
                        "S3 ListParts of " + key + " said more pages follow but gave no next marker after " + marker));
            }
            marker = next;
        }
    }
}
