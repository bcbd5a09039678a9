package dev.mosaic.application.fake;

import dev.mosaic.application.port.out.ObjectStorage.MultipartOutcome;
import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.PartsCheck;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** S3's checks at completion: every planned part uploaded, of the planned size, with the listed ETag. */
final class StoragePartCheck {

    private StoragePartCheck() {
    }

    static Optional<MultipartOutcome.Refused> check(UploadPlan.Multipart plan, List<CompletedPart> listed,
                                                    Map<Integer, byte[]> uploaded) {
        Map<Integer, UploadedPart> held = new HashMap<>();
        uploaded.forEach((number, bytes) -> held.put(number,
                new UploadedPart(number, bytes.length, StorageEtags.quotedMd5(bytes))));
        return CompletionRules.checkUploaded(plan, listed, held) instanceof PartsCheck.Refused refused
                ? Optional.of(new MultipartOutcome.Refused(refused.refusal())) : Optional.empty();
    }
}
