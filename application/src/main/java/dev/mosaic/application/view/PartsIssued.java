package dev.mosaic.application.view;

import java.util.List;
import java.util.Map;

/**
 * The parts endpoint's answer: what a client needs to go on with, or resume, one upload. Multipart:
 * the parts the store already holds ({@code uploadedParts}) and URLs for missing ones ({@code batch}).
 * Direct: a fresh {@code putUrl} with the {@code headers} its PUT must send.
 */
public record PartsIssued(long assetId, String objectKey, String mode, String expiresAt, String putUrl,
                          Map<String, String> headers, String uploadId, Long partSize, Integer numParts,
                          List<StoredPart> uploadedParts, PartBatch batch) {

    public PartsIssued {
        headers = headers == null ? null : Map.copyOf(headers);
        uploadedParts = uploadedParts == null ? null : List.copyOf(uploadedParts);
    }

    public static PartsIssued direct(long assetId, String objectKey, String expiresAt, String putUrl,
                                     Map<String, String> headers) {
        return new PartsIssued(assetId, objectKey, "direct", expiresAt, putUrl, headers, null, null, null, null, null);
    }

    public static PartsIssued multipart(long assetId, String objectKey, String uploadId, long partSize, int numParts,
                                        List<StoredPart> uploadedParts, PartBatch batch) {
        return new PartsIssued(assetId, objectKey, "multipart", batch.expiresAt(), null, null, uploadId, partSize,
                numParts, uploadedParts, batch);
    }

    /** A part the store holds: send it no more, complete with this ETag. */
    public record StoredPart(int partNumber, long size, String etag) {
    }
}
