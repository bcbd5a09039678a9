package dev.mosaic.application.view;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to upload one attachment: {@link Direct} (one PUT), {@link Multipart} (a PUT per part, then
 * complete with their ETags), or {@link Settled} (the asset is past uploading: no URL is signed).
 */
public sealed interface UploadInstruction {

    long assetId();

    String objectKey();

    String fileName();

    String kind();

    String expiresAt();

    /** How the bytes travel, as the wire names it: {@code direct} or {@code multipart}. */
    String mode();

    /** PUT the file to {@code putUrl}, sending every header of {@code headers}. */
    record Direct(long assetId, String objectKey, String fileName, String kind, String expiresAt,
                  String putUrl, Map<String, String> headers) implements UploadInstruction {
        public Direct {
            Objects.requireNonNull(putUrl, "putUrl");
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        @Override
        public String mode() {
            return "direct";
        }
    }

    /** PUT each part to its URL in {@code batch} (more from the parts call), keep each ETag, then complete. */
    record Multipart(long assetId, String objectKey, String fileName, String kind, String expiresAt,
                     String uploadId, long partSize, int numParts, PartBatch batch) implements UploadInstruction {
        public Multipart {
            Objects.requireNonNull(uploadId, "uploadId");
            Objects.requireNonNull(batch, "batch");
        }

        @Override
        public String mode() {
            return "multipart";
        }
    }

    /** An album answered again once this asset was completed, cancelled or expired: nothing to upload. */
    record Settled(long assetId, String objectKey, String fileName, String kind, String expiresAt,
                   String mode) implements UploadInstruction {
        public Settled {
            Objects.requireNonNull(mode, "mode");
        }
    }
}
