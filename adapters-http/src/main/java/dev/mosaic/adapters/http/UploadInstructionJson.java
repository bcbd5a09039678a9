package dev.mosaic.adapters.http;

import dev.mosaic.application.view.PartBatch;
import dev.mosaic.application.view.UploadInstruction;
import java.util.Map;

/**
 * An upload instruction on the wire, as DESIGN.md fixes it: one object whatever the mode, the fields
 * of the other mode left out (Jackson leaves out nulls), in this order.
 */
record UploadInstructionJson(long assetId, String objectKey, String fileName, String kind, String mode,
                             String expiresAt, String putUrl, Map<String, String> headers, String uploadId,
                             Long partSize, Integer numParts, PartBatch batch) {

    static UploadInstructionJson from(UploadInstruction instruction) {
        if (instruction instanceof UploadInstruction.Direct direct) {
            return new UploadInstructionJson(direct.assetId(), direct.objectKey(), direct.fileName(), direct.kind(),
                    direct.mode(), direct.expiresAt(), direct.putUrl(), direct.headers(), null, null, null, null);
        }
        if (instruction instanceof UploadInstruction.Multipart multipart) {
            return new UploadInstructionJson(multipart.assetId(), multipart.objectKey(), multipart.fileName(),
                    multipart.kind(), multipart.mode(), multipart.expiresAt(), null, null, multipart.uploadId(),
                    multipart.partSize(), multipart.numParts(), multipart.batch());
        }
        UploadInstruction.Settled settled = (UploadInstruction.Settled) instruction;
        return new UploadInstructionJson(settled.assetId(), settled.objectKey(), settled.fileName(), settled.kind(),
                settled.mode(), settled.expiresAt(), null, null, null, null, null, null);
    }
}
