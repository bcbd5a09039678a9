package dev.mosaic.adapters.storage.gcs;

import dev.mosaic.domain.CompletedPart;
import dev.mosaic.domain.CompletionRules;
import dev.mosaic.domain.Refusal;
import dev.mosaic.domain.UploadPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compose joins whatever objects it is given; this checks first that they are the plan's: every part
 * uploaded, each of its planned size, each with the ETag the client read from its PUT (quotes aside),
 * which for an object GCS took in one request is the hex MD5 it keeps.
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
            String claimedEtag = CompletionRules.normalizeEtag(etags.get(part.number())).toLowerCase(Locale.ROOT);
            Optional<String> md5 = stored.get(part.number()).md5();
            if (md5.isEmpty() || !md5.get().equals(claimedEtag)) {
                return refuse("etag_mismatch", "part " + part.number() + " holds other bytes than its ETag says");
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String code, String detail) {
        return Optional.of(new Refusal(code, detail));
    }
}
