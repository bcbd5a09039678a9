package dev.mosaic.adapters.storage.s3;

import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
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
        Map<Integer, String> etags = new HashMap<>();
        claimed.forEach(part -> etags.putIfAbsent(part.partNumber(), part.etag()));
        for (UploadPlan.Part part : plan.parts()) {
            StoredPart found = stored.get(part.number());
            if (found == null || !etags.containsKey(part.number())) {
                return refuse("part_missing", "part " + part.number() + " was not uploaded");
            }
            if (found.size() != part.size()) {
                return refuse("part_size_mismatch",
                        "part " + part.number() + " has " + found.size() + " bytes, the plan says " + part.size());
            }
        }
        for (UploadPlan.Part part : plan.parts()) {
            String listed = CompletionRules.normalizeEtag(stored.get(part.number()).etag());
            if (listed.isEmpty() || !listed.equals(CompletionRules.normalizeEtag(etags.get(part.number())))) {
                return refuse("etag_mismatch", "part " + part.number() + " has another ETag than listed");
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String detail) {
        return Optional.of(new Refusal(code, detail));
    }
}
