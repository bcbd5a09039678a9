package dev.mosaic.adapters.storage.s3;

import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import dev.mosaic.domain.UploadedPart;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * S3 completes whatever parts it is given; this checks first that they are the plan's: every part
 * uploaded, each of its planned size, each with the ETag the client reported (quotes aside).
 */
final class PartCheck {

    private PartCheck() {
    }

    static Optional<Refusal> check(UploadPlan.Multipart plan, List<CompletedPart> claimed,
                                   Map<Integer, StoredPart> stored) {
        Map<Integer, UploadedPart> held = new HashMap<>();
        stored.forEach((number, part) -> held.put(number, new UploadedPart(number, part.size(), part.etag())));
        return CompletionRules.checkUploaded(plan, claimed, held);
    }
}
